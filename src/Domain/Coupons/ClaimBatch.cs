namespace ECommerce.Domain.Coupons;

/// <summary>One claim as it waits in the <see cref="CommandBatcher{TCommand,TResult}"/> of <see cref="CouponService"/>.</summary>
internal sealed record Claim(string ShopperId, int CampaignId);

/// <summary>
/// Decides a batch of claims in one unit of work: one read of the campaigns, one of who already holds one of
/// their coupons, then each claim in arrival order, so the last coupon goes to the first claimer and a
/// shopper's second claim in the same batch is refused.
/// </summary>
internal static class ClaimBatch
{
    public static async Task<Result<IssuedCoupon>[]> DecideAsync(ShopDbContext db, IReadOnlyList<Claim> claims, DateTime now)
    {
        var campaignIds = claims.Select(c => c.CampaignId).Distinct().ToList();
        var shoppers = claims.Select(c => c.ShopperId).Distinct().ToList();
        var campaigns = await db.CouponCampaigns.Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var held = (await db.IssuedCoupons
                .Where(c => campaignIds.Contains(c.CampaignId) && shoppers.Contains(c.ShopperId))
                .Select(c => new { c.CampaignId, c.ShopperId })
                .ToListAsync())
            .Select(c => (c.CampaignId, c.ShopperId))
            .ToHashSet();

        return claims.Select(claim => Decide(db, claim, campaigns.GetValueOrDefault(claim.CampaignId), held, now)).ToArray();
    }

    private static Result<IssuedCoupon> Decide(
        ShopDbContext db, Claim claim, CouponCampaign? campaign, HashSet<(int, string)> held, DateTime now)
    {
        if (campaign is null)
        {
            return ShopError.NotFound("Coupon campaign", claim.CampaignId);
        }

        if (held.Contains((claim.CampaignId, claim.ShopperId)))
        {
            return new ShopError(ErrorCode.CouponAlreadyHeld, $"You already hold a coupon of \"{campaign.Name}\".");
        }

        if (campaign.CheckClaimable(now) is { } refusal)
        {
            return refusal;
        }

        var coupon = campaign.Issue(claim.ShopperId, now);
        db.IssuedCoupons.Add(coupon);
        held.Add((claim.CampaignId, claim.ShopperId));
        return coupon;
    }
}
