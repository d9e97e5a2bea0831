using ECommerce.Domain.Administration;
using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>The campaign form's fields as the admin typed them; the domain decides what is valid.</summary>
public sealed class CampaignInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public DiscountKind DiscountKind { get; set; } = DiscountKind.FixedAmount;
    public string? DiscountValue { get; set; }
    public string? MaxDiscount { get; set; }
    public string? MinOrderAmount { get; set; }
    public string? TotalQuantity { get; set; }

    /// <summary>UTC, like every time in the admin area.</summary>
    public DateTime? ClaimOpensAt { get; set; }

    public DateTime? ClaimClosesAt { get; set; }
    public string? CouponValidDays { get; set; } = "30";

    public static CampaignInput StartingAt(DateTime utcNow)
    {
        var hour = new DateTime(utcNow.Year, utcNow.Month, utcNow.Day, utcNow.Hour, 0, 0, DateTimeKind.Utc);
        return new CampaignInput { ClaimOpensAt = hour, ClaimClosesAt = hour.AddDays(7) };
    }

    /// <summary>The domain's command, or every box that could not be read, by the command's field names.</summary>
    public Result<NewCouponCampaign> ToCommand()
    {
        var problems = new Dictionary<string, string>();
        long? Read(string field, string? text, long min, long max)
        {
            var read = NumberBox.Read(text, min, max);
            if (read.Error is { } refused)
            {
                problems[field] = refused.Message;
            }

            return read.Value;
        }

        DateTime When(string field, DateTime? value, string missing)
        {
            if (value is null)
            {
                problems[field] = missing;
            }

            return DateTime.SpecifyKind(value ?? default, DateTimeKind.Utc);
        }

        var discountMax = DiscountKind == DiscountKind.Percent ? AdminLimits.MaxPercent : AdminLimits.MaxAmount;
        var command = new NewCouponCampaign(
            Code ?? "", Name ?? "", DiscountKind,
            Read(nameof(NewCouponCampaign.DiscountValue), DiscountValue, 0, discountMax) ?? 0,
            Read(nameof(NewCouponCampaign.MaxDiscount), MaxDiscount, 0, AdminLimits.MaxAmount),
            Read(nameof(NewCouponCampaign.MinOrderAmount), MinOrderAmount, 0, long.MaxValue) ?? 0,
            (int)(Read(nameof(NewCouponCampaign.TotalQuantity), TotalQuantity, 0, AdminLimits.MaxCoupons) ?? 0),
            When(nameof(NewCouponCampaign.ClaimOpensAt), ClaimOpensAt, "Choose when claims open (UTC)."),
            When(nameof(NewCouponCampaign.ClaimClosesAt), ClaimClosesAt, "Choose when claims close (UTC)."),
            TimeSpan.FromDays(Read(nameof(NewCouponCampaign.CouponValidFor), CouponValidDays, 0, AdminLimits.MaxValidityDays) ?? 0));
        return problems.Count == 0
            ? command
            : ShopError.Invalid("Some boxes could not be read; see the messages under them.") with { FieldErrors = problems };
    }
}
