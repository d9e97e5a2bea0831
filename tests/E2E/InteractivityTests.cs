using System.Text.RegularExpressions;

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

    [Fact]
    public Task On_a_phone_the_drawer_closes_once_a_link_is_followed() => InBrowserAsync(async page =>
    {
        // The drawer's links are plain links now (ShopNav), which must still close the drawer as MudNavLink did.
        await page.SetViewportSizeAsync(390, 844);
        await Shopper.GoToAsync(page, "");
        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coupons" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/coupons$"));
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
    });
}
