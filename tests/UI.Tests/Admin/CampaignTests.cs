using Bunit;
using ECommerce.Domain.Coupons;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class CampaignTests(AdminShop shop) : AdminPageTest(shop)
{
    private static string NewCode() => $"BU{Random.Shared.Next(100_000, 999_999)}";

    private IRenderedComponent<AdminCoupons> Open()
    {
        var page = RenderPage<AdminCoupons>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Campaigns")));
        return page;
    }

    private static void Fill(IRenderedComponent<AdminCoupons> page, string code, string quantity)
    {
        Box(page, "Code").Input(code);
        Box(page, "Name shoppers see").Input($"Bunit gift {code}");
        Box(page, "Discount (₩)").Input("2000");
        Box(page, "Coupons to issue").Input(quantity);
    }

    [Fact]
    public void The_shops_refusals_show_under_their_own_fields_and_nothing_is_created()
    {
        var page = Open();
        var code = NewCode();
        Fill(page, code, "");
        Box(page, "Cap (₩, percent only)").Input("500");

        Button(page, "Create campaign").Click();
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Create");

        page.WaitForAssertion(() => Assert.Equal("A cap only applies to a percent discount; leave it empty for a fixed amount.",
            MessageUnder(page, "Cap (₩, percent only)")));
        Assert.StartsWith("A campaign issues between 1 and 100,000,000 coupons", MessageUnder(page, "Coupons to issue"), StringComparison.Ordinal);
        Assert.Equal("", MessageUnder(page, "Code"));
        Assert.DoesNotContain(Rows(page, "Campaigns"), row => row.Contains(code, StringComparison.Ordinal));
        Assert.Empty(SnackbarTexts());
        Assert.Equal(code, Box(page, "Code").GetAttribute("value")); // Kept, to correct and resubmit.
    }

    [Theory]
    [InlineData("1e3", "digits only")]
    [InlineData("-5", "This box takes no negative numbers.")]
    [InlineData("5000000000", "5000000000 is too large: the most is 100,000,000.")]
    public void A_count_that_cannot_be_read_as_typed_is_refused_under_its_box_before_anything_is_asked(string typed, string message)
    {
        var page = Open();
        Fill(page, NewCode(), typed);

        Button(page, "Create campaign").Click();

        page.WaitForAssertion(() => Assert.Contains(message, MessageUnder(page, "Coupons to issue"), StringComparison.Ordinal));
        Assert.Empty(Dialogs.FindAll(".mud-dialog"));
    }

    [Fact]
    public void A_percent_discount_is_labelled_and_limited_as_one()
    {
        var page = Open();
        Fill(page, NewCode(), "10");

        page.FindAll("label").Single(l => l.TextContent.Trim() == "Percent").QuerySelector("input")!.Click();
        page.WaitForAssertion(() => Box(page, "Discount (%)"));
        Box(page, "Discount (%)").Input("250");
        Button(page, "Create campaign").Click();

        page.WaitForAssertion(() => Assert.Equal("250 is too large: the most is 100.", MessageUnder(page, "Discount (%)")));
    }

    [Fact]
    public async Task A_cancelled_campaign_is_not_created()
    {
        var page = Open();
        var code = NewCode();
        Fill(page, code, "10");

        Button(page, "Create campaign").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains($"{code} issues 10 coupons", Dialogs.Markup, StringComparison.Ordinal));
        AnswerDialog("Cancel");

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.Empty(SnackbarTexts());
        Assert.Equal(code, Box(page, "Code").GetAttribute("value"));
        Assert.DoesNotContain(await Get<CouponService>().GetAllCampaignsAsync(), c => c.Code == code);
    }

    [Fact]
    public void A_confirmed_campaign_is_created_announced_and_listed_first_with_nothing_issued()
    {
        var page = Open();
        var code = NewCode();
        Fill(page, code, "10");

        Button(page, "Create campaign").Click();
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Create");

        Snackbars.WaitForAssertion(() => Assert.Contains(SnackbarTexts(), t => t.StartsWith($"Campaign {code} created: 10 coupons", StringComparison.Ordinal)));
        page.WaitForAssertion(() => Assert.Contains(code, Rows(page, "Campaigns")[0], StringComparison.Ordinal));
        var row = page.FindAll("[aria-label='Campaigns'] tr.data-row")[0];
        Assert.Equal(("0", "10"), (row.QuerySelector("[data-figure=issued]")!.TextContent, row.QuerySelector("[data-figure=remaining]")!.TextContent));
        Assert.Equal("", Box(page, "Code").GetAttribute("value") ?? ""); // A fresh form for the next one.
    }
}
