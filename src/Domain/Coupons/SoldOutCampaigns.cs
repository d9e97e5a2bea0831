using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ECommerce.Domain.Coupons;

/// <summary>
/// The sold-out campaigns this process has seen, with their holders: in a flash sale most claims arrive after the
/// last coupon is gone, and each of them would otherwise wait for a claim batch and its database reads only to be
/// refused. A campaign is learnt after a claim of it was refused as sold out (so from the database's committed
/// state, whichever process sold it out); until its holders are read, claims go through the batch as before.
/// </summary>
internal sealed class SoldOutCampaigns(ShopDatabase database)
{
    /// <summary>Holders are kept for campaigns up to this size (about 100 bytes each); a bigger one is always batched.</summary>
    internal const int MaxHolders = 20_000;

    /// <summary>At most this many campaigns are kept; past it the memory starts again (a hot campaign is learnt again at its next refusal).</summary>
    internal const int MaxCampaigns = 16;

    private readonly ConcurrentDictionary<int, Task<SoldOutCampaign?>> _campaigns = new();

    /// <summary>The refusal of a claim of a campaign known to be sold out; null when the campaign is not known so.</summary>
    public ShopError? Refusal(int campaignId, string shopperId, DateTime now) =>
        _campaigns.TryGetValue(campaignId, out var known) && known.IsCompletedSuccessfully && known.Result is { } soldOut
            ? soldOut.Refuse(shopperId, now)
            : null;

    /// <summary>
    /// Reads the campaign and its holders once, within the claim that first found it sold out, so that no read outlives
    /// the request that started it (nor the shop, when it stops). A failed or cancelled read is only a missed
    /// shortcut: it is forgotten, and a later refusal reads again.
    /// </summary>
    public async Task LearnAsync(int campaignId, CancellationToken ct)
    {
        if (_campaigns.ContainsKey(campaignId))
        {
            return;
        }

        if (_campaigns.Count >= MaxCampaigns)
        {
            _campaigns.Clear();
        }

        var reading = new TaskCompletionSource<SoldOutCampaign?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_campaigns.TryAdd(campaignId, reading.Task))
        {
            return;
        }

        SoldOutCampaign? soldOut = null;
        try
        {
            soldOut = await ReadAsync(campaignId, ct);
        }
        catch (Exception)
        {
            // The claim is already decided and answered by the batch; whatever kept the read from finishing (the
            // database busy, the request gone, the shop stopping) must not turn that answer into a failure.
            _campaigns.TryRemove(new(campaignId, reading.Task));
        }
        finally
        {
            reading.SetResult(soldOut);
        }
    }

    /// <summary>
    /// The campaign first, then its holders: once the campaign reads sold out, every coupon it will ever have is
    /// committed, so the holders read after it are all of them.
    /// </summary>
    private async Task<SoldOutCampaign?> ReadAsync(int campaignId, CancellationToken ct)
    {
        await using var db = await database.OpenAsync(ct);
        var campaign = await db.CouponCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || campaign.Remaining > 0 || campaign.TotalQuantity > MaxHolders)
        {
            return null;
        }

        var holders = await db.IssuedCoupons.Where(c => c.CampaignId == campaignId).Select(c => c.ShopperId).ToListAsync(ct);
        return new SoldOutCampaign(campaign, holders.ToFrozenSet(StringComparer.Ordinal));
    }
}
