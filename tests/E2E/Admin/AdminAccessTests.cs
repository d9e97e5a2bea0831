namespace ECommerce.E2E.Admin;

public sealed class AdminAccessTests(ShopFixture shop) : BrowserTest(shop)
{
    private static readonly string[] AdminPages =
    [
        "admin", "admin/orders", "admin/orders/1", "admin/stock", "admin/stock/1", "admin/coupons", "admin/data-platform", "admin/activity",
    ];

    [Fact]
    public Task A_shoppers_direct_visit_to_each_admin_page_is_refused() => InBrowserAsync(async page =>
    {
        await Shopper.SignInAsync(page);

        foreach (var path in AdminPages)
        {
            await page.GotoAsync(path);

            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This page is not for your account.");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".mud-table, [data-figure]")).ToHaveCountAsync(0);
        }
    });

    [Fact]
    public Task A_visitor_is_sent_to_sign_in_and_back() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("admin/coupons");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(AdminUser.Email);
        await page.GetByLabel("Password").FillAsync(AdminUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coupons" })).ToBeVisibleAsync();
    });
}
