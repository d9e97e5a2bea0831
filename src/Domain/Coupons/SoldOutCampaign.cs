using System.Collections.Frozen;

namespace ECommerce.Domain.Coupons;

/// <summary>
/// A campaign with no coupon left, as it stays for good: its issued count only ever goes up and no coupon is ever
/// deleted, so once every coupon is issued the campaign and the set of its holders can no longer change, in this
/// process or any other. A claim of it is then refused here exactly as <see cref="ClaimCoupon.Decision"/> would
/// refuse it, without a batch or a database read.
/// </summary>
internal sealed record SoldOutCampaign(CouponCampaign Campaign, FrozenSet<string> Holders)
{
    /// <summary>The refusal of <see cref="ClaimCoupon.Decision"/>, in its order: already held, then the claim window, then sold out.</summary>
    public ShopError Refuse(string shopperId, DateTime now) =>
        Holders.Contains(shopperId)
            ? new ShopError(ErrorCode.CouponAlreadyHeld, $"You already hold a coupon of \"{Campaign.Name}\".")
            : Campaign.CheckClaimable(now)
              ?? throw new InvalidOperationException($"Campaign {Campaign.Id} was remembered as sold out with coupons left.");
}
