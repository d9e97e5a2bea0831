using ECommerce.Domain.Coupons;
using ECommerce.Storefront.Components.Pages.Coupons;

namespace ECommerce.UI.Tests.Components;

public sealed class CouponComponentsTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    private static readonly CampaignView Flash = new(
        3, "FLASH20", "Flash sale", "20% off (up to ₩30,000)", 50_000, 30, 26, 4, 0,
        Now.AddDays(-1), Now.AddDays(6), TimeSpan.FromDays(7), HeldByYou: false);

    private static async Task<IDocument> RenderAsync(CampaignView campaign, ShopError? error = null) =>
        await ComponentRenderer.RenderAsync<CampaignCard>(new Dictionary<string, object?>
        {
            ["Campaign"] = campaign,
            ["Now"] = Now,
            ["Error"] = error,
        });

    [Fact]
    public async Task An_open_campaign_shows_its_terms_what_is_left_and_a_claim_button()
    {
        var page = await RenderAsync(Flash);

        Assert.Equal("20% off (up to ₩30,000)", page.QuerySelector(".discount-text")!.TextContent);
        Assert.Equal("FLASH20", page.QuerySelector(".code")!.TextContent);
        Assert.Contains("On orders from ₩50,000", page.QuerySelector(".terms")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("valid 7 days after claiming", page.QuerySelector(".terms")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4 of 30 left", page.QuerySelector("[data-testid=remaining]")!.TextContent);
        Assert.Equal("Claim until 2026-11-27 10:00 UTC", page.QuerySelector(".window")!.TextContent.Trim());
        var button = page.QuerySelector("button")!;
        Assert.Equal("Claim Flash sale", button.GetAttribute("aria-label"));
        Assert.False(button.HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(0, false, -1, "Sold out", "unavailable")]
    [InlineData(4, true, -1, "You hold this coupon", "held")]
    [InlineData(4, false, 2, "Not open yet", "unavailable")]
    public async Task A_campaign_that_cannot_be_claimed_says_why(int remaining, bool held, int opensInDays, string reason, string look)
    {
        var page = await RenderAsync(Flash with { Remaining = remaining, HeldByYou = held, ClaimOpensAt = Now.AddDays(opensInDays) });

        var button = page.QuerySelector("button")!;
        Assert.Contains(reason, button.TextContent, StringComparison.Ordinal);
        Assert.True(button.HasAttribute("disabled"));
        Assert.Contains(look, page.QuerySelector("article")!.ClassList);
    }

    [Fact]
    public async Task A_refused_claim_is_explained_on_the_card()
    {
        var page = await RenderAsync(Flash with { Remaining = 0 }, new ShopError(ErrorCode.CouponSoldOut, "All 30 coupons of \"Flash sale\" have been claimed."));

        Assert.Equal("All 30 coupons of \"Flash sale\" have been claimed.", page.QuerySelector(".error-notice .message")!.TextContent);
    }

    [Fact]
    public async Task My_coupons_show_state_expiry_and_the_order_that_holds_them()
    {
        MyCoupon[] coupons =
        [
            new(1, 1, "WELCOME3000", "Welcome", "₩3,000 off", 20_000, Now, Now.AddDays(30), CouponState.Reserved, 42),
            new(2, 2, "FLASH20", "Flash sale", "20% off", 0, Now, Now.AddDays(7), CouponState.Expired, null),
        ];

        var page = await ComponentRenderer.RenderAsync<MyCoupons>(new Dictionary<string, object?> { ["Coupons"] = coupons });

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal("Held by an unpaid order", rows[0].QuerySelector(".coupon-state")!.TextContent.Trim());
        Assert.Equal("orders/42", rows[0].QuerySelector("a.order-link")!.GetAttribute("href"));
        Assert.Contains("from ₩20,000", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-21 10:00 UTC", rows[0].QuerySelectorAll("td")[3].TextContent);
        Assert.Equal("Expired", rows[1].QuerySelector(".coupon-state")!.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector("a.order-link"));
    }
}
