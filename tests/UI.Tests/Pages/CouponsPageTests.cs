using ECommerce.Domain.Coupons;

namespace ECommerce.UI.Tests.Pages;

[Collection(StorefrontCollection.Name)]
public sealed class CouponsPageTests(StorefrontFactory factory)
{
    private static IElement Card(IDocument page, string name) =>
        page.QuerySelectorAll("article.campaign").Single(c => c.QuerySelector("h3")!.TextContent == name);

    [Fact]
    public async Task A_visitor_sees_every_campaign_with_what_is_left_and_why_it_cannot_be_claimed()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/coupons");

        var welcome = Card(page, "Welcome: ₩3,000 off");
        Assert.Contains("Claim coupon", welcome.QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^[\d,]+ of 10,000 left$", welcome.QuerySelector("[data-testid=remaining]")!.TextContent);
        Assert.Contains("Sold out", Card(page, "Opening-day gift: ₩10,000 off").QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not open yet", Card(page, "Weekend special: ₩5,000 off").QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sign in to claim coupons", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shopper_sees_the_coupons_they_hold_and_cannot_claim_the_same_again()
    {
        var (email, shopper) = await factory.NewShopperAsync();
        var coupons = factory.Get<CouponService>();
        var welcome = (await coupons.GetClaimableAsync(shopper)).Single(c => c.Code == "WELCOME3000");
        await coupons.ClaimAsync(shopper, welcome.Id);
        using var client = await factory.SignedInClientAsync(email);

        var page = await client.GetPageAsync("/coupons");

        var held = Card(page, "Welcome: ₩3,000 off").QuerySelector("button")!;
        Assert.Contains("You hold this coupon", held.TextContent, StringComparison.Ordinal);
        Assert.True(held.HasAttribute("disabled"));
        var mine = page.QuerySelectorAll("table tbody tr");
        Assert.Single(mine);
        Assert.Contains("Welcome: ₩3,000 off", mine[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Valid", mine[0].QuerySelector(".coupon-state")!.TextContent, StringComparison.Ordinal);
    }
}
