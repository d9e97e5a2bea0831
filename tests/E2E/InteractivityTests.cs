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
        // The drawer's width-dependent part is CSS now (no breakpoint listener in the circuit): on a phone it starts
        // closed, the menu opens it over the page, and a followed link closes it as MudNavLink did.
        await page.SetViewportSizeAsync(390, 844);
        await Shopper.GoToAsync(page, "");
        var coupons = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coupons" });
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(coupons).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();
        await Assertions.Expect(coupons).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(".shop-drawer")).ToHaveCSSAsync("left", "0px"); // slid in over the page
        await Screenshots.TakeAsync(page, "menu-phone", fullPage: false);
        await coupons.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/coupons$"));
        await Assertions.Expect(coupons).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
    });

    [Fact]
    public Task On_a_wide_screen_the_drawer_is_open_beside_the_page_and_the_menu_closes_it() => InBrowserAsync(async page =>
    {
        await Shopper.GoToAsync(page, "");
        var catalog = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Catalog" });
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(catalog).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        var drawerRight = (await page.Locator(".shop-drawer").BoundingBoxAsync())!;
        var pageLeft = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.True(pageLeft.X >= drawerRight.X + drawerRight.Width, $"The page starts at {pageLeft.X:0} px, under the drawer ending at {drawerRight.X + drawerRight.Width:0}.");

        // A followed link leaves it open; the menu closes it and the page takes the width.
        await catalog.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/catalog$"));
        await Assertions.Expect(catalog).ToBeVisibleAsync();
        await menu.ClickAsync();
        await Assertions.Expect(catalog).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator(".mud-main-content")).ToHaveCSSAsync("margin-left", "0px");
    });
}
