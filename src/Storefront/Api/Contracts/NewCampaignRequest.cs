using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.Api.Contracts;

/// <summary>
/// A campaign to start, as <see cref="NewCouponCampaign"/> with its two optional parts optional: leave
/// <see cref="MaxDiscount"/> out for no cap on a percent discount and <see cref="MinOrderAmount"/> out for no minimum.
/// </summary>
public sealed record NewCampaignRequest(
    string Code,
    string Name,
    DiscountKind DiscountKind,
    long DiscountValue,
    int TotalQuantity,
    DateTime ClaimOpensAt,
    DateTime ClaimClosesAt,
    TimeSpan CouponValidFor,
    long? MaxDiscount = null,
    long MinOrderAmount = 0)
{
    public NewCouponCampaign ToCampaign() => new(Code, Name, DiscountKind, DiscountValue, MaxDiscount, MinOrderAmount, TotalQuantity,
        ClaimOpensAt, ClaimClosesAt, CouponValidFor);
}
