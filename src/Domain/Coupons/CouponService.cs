using System.Collections.Concurrent;
using ECommerce.Domain.Auditing;
using ECommerce.Domain.Diagnostics;

namespace ECommerce.Domain.Coupons;

/// <summary>First-come-first-served coupons: what can be claimed, claiming one, the coupons a shopper holds.</summary>
public sealed class CouponService(
    UnitOfWork unitOfWork,
    ShopDatabase database,
    CommandBatcher<ClaimCoupon, IssuedCoupon> claims,
    ShopMetrics metrics,
    TimeProvider clock)
{
    /// <summary>A campaign's code never changes and no campaign is deleted, so a code, once found, names the same campaign for good.</summary>
    private readonly ConcurrentDictionary<string, int> _campaignIdsByCode = new(StringComparer.Ordinal);

    private readonly SoldOutCampaigns _soldOut = new(database);

    /// <summary>Campaigns open now or opening later, soonest closing first, with how many are left.</summary>
    public async Task<IReadOnlyList<CampaignView>> GetClaimableAsync(string? shopperId, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await database.OpenAsync(ct);
        var campaigns = await db.CouponCampaigns
            .Where(c => c.ClaimClosesAt > now)
            .OrderBy(c => c.ClaimClosesAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var held = shopperId is null
            ? []
            : await db.IssuedCoupons.Where(c => c.ShopperId == shopperId).Select(c => c.CampaignId).ToListAsync(ct);
        return campaigns.Select(c => CampaignView.Of(c, used: 0, held.Contains(c.Id))).ToList();
    }

    /// <summary>Every campaign with issued, remaining and used counts, newest first (the admin's view).</summary>
    public async Task<IReadOnlyList<CampaignView>> GetAllCampaignsAsync(CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        var used = await db.IssuedCoupons
            .Where(c => c.UsedAt != null)
            .GroupBy(c => c.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CampaignId, x => x.Count, ct);
        var campaigns = await db.CouponCampaigns.OrderByDescending(c => c.Id).ToListAsync(ct);
        return campaigns.Select(c => CampaignView.Of(c, used.GetValueOrDefault(c.Id), heldByYou: false)).ToList();
    }

    /// <summary>
    /// Issues one coupon of the campaign to the shopper, unless it is closed, sold out or already held. Once a claim
    /// has been refused as sold out, the campaign's later claims are refused from memory (<see cref="SoldOutCampaigns"/>).
    /// </summary>
    public async Task<Result<MyCoupon>> ClaimAsync(string shopperId, int campaignId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        if (_soldOut.Refusal(campaignId, shopperId, Now) is { } refusal)
        {
            var refused = Result<MyCoupon>.Failure(refusal);
            metrics.Record(ShopAction.Claim, refused);
            return refused;
        }

        var issued = await claims.SubmitAsync(new ClaimCoupon(shopperId, campaignId)).WaitAsync(ct);
        metrics.Record(ShopAction.Claim, issued);
        if (issued.Error?.Code == ErrorCode.CouponSoldOut)
        {
            await _soldOut.LearnAsync(campaignId, ct);
        }

        return issued.Map(c => ToMyCoupon(c, Now));
    }

    /// <summary>Claims by the campaign's code (as the original design's clients do), in any letter case.</summary>
    public async Task<Result<MyCoupon>> ClaimByCodeAsync(string shopperId, string couponCode, CancellationToken ct = default)
    {
        var code = couponCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 40)
        {
            return ShopError.Invalid("Give a coupon code of 1 to 40 characters.");
        }

        if (!_campaignIdsByCode.TryGetValue(code, out var campaignId))
        {
            await using var db = await database.OpenAsync(ct);
            var found = await db.CouponCampaigns.Where(c => c.Code == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return ShopError.NotFound("Coupon campaign", code);
            }

            campaignId = _campaignIdsByCode.GetOrAdd(code, found.Value);
        }

        return await ClaimAsync(shopperId, campaignId, ct);
    }

    public async Task<IReadOnlyList<MyCoupon>> GetMyCouponsAsync(string shopperId, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await database.OpenAsync(ct);
        var coupons = await db.IssuedCoupons
            .Include(c => c.Campaign)
            .Where(c => c.ShopperId == shopperId)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        return coupons.Select(c => ToMyCoupon(c, now)).ToList();
    }

    /// <summary>Starts a campaign; <paramref name="actor"/> (the admin) is recorded with it in the audit log.</summary>
    public async Task<Result<CampaignView>> CreateCampaignAsync(NewCouponCampaign spec, string actor, CancellationToken ct = default)
    {
        if ((InputChecks.Actor(actor) ?? CampaignRules.Check(spec, Now)) is { } invalid)
        {
            return invalid;
        }

        var result = await unitOfWork.RunAsync<CouponCampaign>(async db =>
        {
            var code = spec.Code.Trim().ToUpperInvariant();
            if (await db.CouponCampaigns.AnyAsync(c => c.Code == code, ct))
            {
                return CampaignRules.Refusal(new Dictionary<string, string>
                {
                    [nameof(spec.Code)] = $"A campaign with the code {code} already exists.",
                });
            }

            var campaign = new CouponCampaign(spec, Now);
            db.CouponCampaigns.Add(campaign);
            AuditLog.Record(db, Now, actor, AdminActionKind.CampaignCreated, $"Campaign {campaign.Code}",
                $"\"{campaign.Name}\": {campaign.DiscountDescription}, {campaign.TotalQuantity:N0} coupons, " +
                $"claims {ShopTime.Format(campaign.ClaimOpensAt)} to {ShopTime.Format(campaign.ClaimClosesAt)}");
            return campaign;
        }, ct);
        return result.Map(c => CampaignView.Of(c, used: 0, heldByYou: false));
    }

    /// <summary>For tests: whether claims of the campaign are now refused from memory.</summary>
    internal bool KnowsSoldOut(int campaignId) => _soldOut.Refusal(campaignId, "", Now) is not null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static MyCoupon ToMyCoupon(IssuedCoupon c, DateTime now) => new(
        c.Id, c.CampaignId, c.Campaign!.Code, c.Campaign.Name, c.Campaign.DiscountDescription, c.Campaign.MinOrderAmount,
        c.IssuedAt, c.ExpiresAt, c.StateAt(now), c.OrderId);
}
