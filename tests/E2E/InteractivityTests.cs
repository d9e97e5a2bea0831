namespace ECommerce.E2E;

public sealed class InteractivityTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task A_click_changes_the_page_without_a_full_reload() => InBrowserAsync(async page =>
    {
        await Shopper.SignInAsync(page, returnUrl: "wallet");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wallet", Exact = true })).ToBeVisibleAsync();
        await Shopper.WaitForInteractivityAsync(page);
        await page.EvaluateAsync("() => window.__noReloadMarker = 'still here'");

        await page.GetByRole(AriaRole.Button, new() { Name = "₩10,000" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Amount (₩)", new() { Exact = true })).ToHaveValueAsync("10000");
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.__noReloadMarker"));
    });
}
