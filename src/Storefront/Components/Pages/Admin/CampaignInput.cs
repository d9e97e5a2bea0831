using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>The campaign form's fields as the admin fills them in; the domain decides what is valid.</summary>
public sealed class CampaignInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public DiscountKind DiscountKind { get; set; } = DiscountKind.FixedAmount;
    public long? DiscountValue { get; set; }
    public long? MaxDiscount { get; set; }
    public long? MinOrderAmount { get; set; }
    public int? TotalQuantity { get; set; }

    /// <summary>UTC, like every time in the admin area.</summary>
    public DateTime? ClaimOpensAt { get; set; }

    public DateTime? ClaimClosesAt { get; set; }
    public int? CouponValidDays { get; set; } = 30;

    public static CampaignInput StartingAt(DateTime utcNow)
    {
        var hour = new DateTime(utcNow.Year, utcNow.Month, utcNow.Day, utcNow.Hour, 0, 0, DateTimeKind.Utc);
        return new CampaignInput { ClaimOpensAt = hour, ClaimClosesAt = hour.AddDays(7) };
    }

    public NewCouponCampaign ToCommand() => new(
        Code ?? "", Name ?? "", DiscountKind, DiscountValue ?? 0, MaxDiscount, MinOrderAmount ?? 0, TotalQuantity ?? 0,
        Utc(ClaimOpensAt), Utc(ClaimClosesAt), TimeSpan.FromDays(CouponValidDays ?? 0));

    private static DateTime Utc(DateTime? value) => DateTime.SpecifyKind(value ?? default, DateTimeKind.Utc);
}
