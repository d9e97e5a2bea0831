namespace ECommerce.Domain.Coupons;

/// <summary>What an admin fills in to start a campaign. Times are UTC.</summary>
public sealed record NewCouponCampaign(
    string Code,
    string Name,
    DiscountKind DiscountKind,
    long DiscountValue,
    long? MaxDiscount,
    long MinOrderAmount,
    int TotalQuantity,
    DateTime ClaimOpensAt,
    DateTime ClaimClosesAt,
    TimeSpan CouponValidFor);
