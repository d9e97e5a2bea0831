using ECommerce.Domain.Catalog;

namespace ECommerce.Domain.Coupons;

/// <summary>What makes a campaign valid, checked all at once so a form can mark every field that is wrong.</summary>
internal static class CampaignRules
{
    public const int MaxQuantity = 100_000_000;
    public static readonly TimeSpan MaxClaimWindow = TimeSpan.FromDays(730);
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(366);

    /// <summary>The refusal naming every broken rule by field, or null when the campaign may be created.</summary>
    public static ShopError? Check(NewCouponCampaign spec, DateTime now)
    {
        var problems = new Dictionary<string, string>();
        void Problem(string field, string message) => problems.TryAdd(field, message);

        var code = spec.Code?.Trim() ?? "";
        if (code.Length is 0 or > 40 || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
        {
            Problem(nameof(spec.Code), "The code needs 1 to 40 letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Trim().Length > 200)
        {
            Problem(nameof(spec.Name), "The name needs 1 to 200 characters.");
        }

        if (spec.DiscountKind == DiscountKind.Percent && spec.DiscountValue is < 1 or > 100)
        {
            Problem(nameof(spec.DiscountValue), "A percent discount is between 1 and 100.");
        }

        if (spec.DiscountKind == DiscountKind.FixedAmount && spec.DiscountValue is < 1 or > Product.MaxPrice)
        {
            Problem(nameof(spec.DiscountValue), $"A fixed discount is between ₩1 and {Money.Format(Product.MaxPrice)}.");
        }

        if (spec.MaxDiscount is not null && spec.DiscountKind != DiscountKind.Percent)
        {
            Problem(nameof(spec.MaxDiscount), "A cap only applies to a percent discount; leave it empty for a fixed amount.");
        }

        if (spec.MaxDiscount is < 1)
        {
            Problem(nameof(spec.MaxDiscount), "A discount cap, when given, is at least ₩1.");
        }

        if (spec.MinOrderAmount < 0)
        {
            Problem(nameof(spec.MinOrderAmount), "The minimum order amount cannot be negative.");
        }

        if (spec.TotalQuantity is < 1 or > MaxQuantity)
        {
            Problem(nameof(spec.TotalQuantity), $"A campaign issues between 1 and {MaxQuantity:N0} coupons.");
        }

        if (spec.ClaimClosesAt <= spec.ClaimOpensAt)
        {
            Problem(nameof(spec.ClaimClosesAt), "The claim window must close after it opens.");
        }

        if (spec.ClaimClosesAt <= now)
        {
            Problem(nameof(spec.ClaimClosesAt), "The claim window would already be closed.");
        }

        if (spec.ClaimClosesAt - spec.ClaimOpensAt > MaxClaimWindow)
        {
            Problem(nameof(spec.ClaimClosesAt), $"A claim window lasts at most {MaxClaimWindow.TotalDays:N0} days.");
        }

        if (spec.CouponValidFor <= TimeSpan.Zero || spec.CouponValidFor > MaxValidity)
        {
            Problem(nameof(spec.CouponValidFor), $"Issued coupons stay valid for some time, at most {MaxValidity.TotalDays:N0} days.");
        }

        return problems.Count == 0 ? null : Refusal(problems);
    }

    public static ShopError Refusal(IReadOnlyDictionary<string, string> problems) =>
        ShopError.Invalid(string.Join(" ", problems.Values)) with { FieldErrors = problems };
}
