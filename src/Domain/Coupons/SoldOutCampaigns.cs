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

    /// <summary>Starts reading the campaign and its holders once; a failed read is forgotten, so a later refusal tries again.</summary>
    public void Learn(int campaignId)
    {
        if (_campaigns.ContainsKey(campaignId))
        {
            return;
        }

        if (_campaigns.Count >= MaxCampaigns)
        {
            _campaigns.Clear();
        }

        var reading = _campaigns.GetOrAdd(campaignId, id => ReadAsync(id));
        // Observed here: a read that failed (the database busy, the process stopping) is only a missed shortcut.
        _ = reading.ContinueWith(read => _campaigns.TryRemove(new(campaignId, read)) && read.Exception is not null, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The campaign first, then its holders: once the campaign reads sold out, every coupon it will ever have is
    /// committed, so the holders read after it are all of them.
    /// </summary>
    private async Task<SoldOutCampaign?> ReadAsync(int campaignId)
    {
        await Task.Yield();
        await using var db = await database.OpenAsync();
        var campaign = await db.CouponCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null || campaign.Remaining > 0 || campaign.TotalQuantity > MaxHolders)
        {
            return null;
        }

        var holders = await db.IssuedCoupons.Where(c => c.CampaignId == campaignId).Select(c => c.ShopperId).ToListAsync();
        return new SoldOutCampaign(campaign, holders.ToFrozenSet(StringComparer.Ordinal));
    }
}
