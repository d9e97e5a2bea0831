namespace ECommerce.Domain.Coupons;

public sealed record CampaignView(
    int Id, string Code, string Name, string Discount, long MinOrderAmount,
    int TotalQuantity, int Issued, int Remaining, int Used,
    DateTime ClaimOpensAt, DateTime ClaimClosesAt, TimeSpan CouponValidFor, bool HeldByYou);

public sealed record MyCoupon(
    int Id, int CampaignId, string Code, string CampaignName, string Discount, long MinOrderAmount,
    DateTime IssuedAt, DateTime ExpiresAt, CouponState State, int? OrderId);
