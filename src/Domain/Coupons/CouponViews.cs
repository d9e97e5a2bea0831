namespace ECommerce.Domain.Coupons;

public sealed record CampaignView(
    int Id, string Code, string Name, string Discount, long MinOrderAmount,
    int TotalQuantity, int Issued, int Remaining, int Used,
    DateTime ClaimOpensAt, DateTime ClaimClosesAt, TimeSpan CouponValidFor, bool HeldByYou)
{
    /// <summary>The one shape of a campaign for pages: the shopper's list, the admin's list.</summary>
    internal static CampaignView Of(CouponCampaign c, int used, bool heldByYou) => new(
        c.Id, c.Code, c.Name, c.DiscountDescription, c.MinOrderAmount, c.TotalQuantity, c.IssuedCount, c.Remaining,
        used, c.ClaimOpensAt, c.ClaimClosesAt, c.CouponValidFor, heldByYou);

    /// <summary>The same campaign with the coupons left as a live update read them (<see cref="Live.FigureUpdate"/>).</summary>
    public CampaignView WithRemaining(int remaining) => this with { Remaining = remaining, Issued = TotalQuantity - remaining };
}

public sealed record MyCoupon(
    int Id, int CampaignId, string Code, string CampaignName, string Discount, long MinOrderAmount,
    DateTime IssuedAt, DateTime ExpiresAt, CouponState State, int? OrderId);
