using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Administration;

public sealed class CampaignRuleTests
{
    private static readonly DateTime Now = ShopHarness.Start.UtcDateTime;

    private static NewCouponCampaign Valid => new("SPRING", "Spring sale", DiscountKind.Percent, 10, 5_000, 0, 100,
        Now, Now.AddDays(7), TimeSpan.FromDays(30));

    public static TheoryData<string, string> Broken => new()
    {
        { "cap on a fixed amount", nameof(NewCouponCampaign.MaxDiscount) },
        { "quantity above the bound", nameof(NewCouponCampaign.TotalQuantity) },
        { "window already closed", nameof(NewCouponCampaign.ClaimClosesAt) },
        { "window over two years", nameof(NewCouponCampaign.ClaimClosesAt) },
        { "validity over a year", nameof(NewCouponCampaign.CouponValidFor) },
        { "fixed amount above the highest price", nameof(NewCouponCampaign.DiscountValue) },
    };

    private static NewCouponCampaign Break(string rule) => rule switch
    {
        "cap on a fixed amount" => Valid with { DiscountKind = DiscountKind.FixedAmount, DiscountValue = 1_000 },
        "quantity above the bound" => Valid with { TotalQuantity = 100_000_001 },
        "window already closed" => Valid with { ClaimOpensAt = Now.AddDays(-2), ClaimClosesAt = Now },
        "window over two years" => Valid with { ClaimClosesAt = Now.AddDays(731) },
        "validity over a year" => Valid with { CouponValidFor = TimeSpan.FromDays(367) },
        _ => Valid with { DiscountKind = DiscountKind.FixedAmount, DiscountValue = Product.MaxPrice + 1, MaxDiscount = null },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_rule_names_its_field_and_creates_nothing(string rule, string field)
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Coupons.CreateCampaignAsync(Break(rule), "ann");

        Assert.Equal(ErrorCode.InvalidInput, result.Error?.Code);
        Assert.Equal([field], result.Error!.FieldErrors!.Keys);
        Assert.Empty(await shop.Coupons.GetAllCampaignsAsync());
        Assert.Empty(await AdminScenario.AuditAsync(shop));
    }

    [Fact]
    public async Task Every_broken_field_is_named_at_once()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Coupons.CreateCampaignAsync(
            Valid with { Code = "", Name = "", DiscountValue = 0, TotalQuantity = 0, CouponValidFor = TimeSpan.Zero }, "ann");

        Assert.Equal(["Code", "Name", "DiscountValue", "TotalQuantity", "CouponValidFor"], result.Error!.FieldErrors!.Keys);
        Assert.Contains("The name needs 1 to 200 characters.", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_at_the_new_bounds_is_accepted()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Coupons.CreateCampaignAsync(
            Valid with { TotalQuantity = 100_000_000, ClaimClosesAt = Now.AddDays(730), CouponValidFor = TimeSpan.FromDays(366) }, "ann");

        Assert.True(result.IsSuccess, result.ToString());
    }
}
