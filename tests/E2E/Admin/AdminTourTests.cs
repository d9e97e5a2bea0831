namespace ECommerce.E2E.Admin;

/// <summary>Every admin page once, as the seeded admin sees it; with SHOP_SCREENSHOTS set, also the docs' screenshots.</summary>
public sealed class AdminTourTests(ShopFixture shop) : BrowserTest(shop)
{
    private const int GridPageSize = 20;

    [Fact]
    public Task Every_admin_page_shows_the_seeded_shop() => InBrowserAsync(async page =>
    {
        await AdminUser.SignInAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-figure='revenue']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^₩[0-9,]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Top 5 best sellers" }).Locator("li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".top-chart svg")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "admin-dashboard");

        await page.Locator("[data-figure='low-stock']").ClickAsync(); // The stock page, showing what runs out.
        var stock = AdminUser.GridRows(page, "Stock");
        await Assertions.Expect(stock.Filter(new() { HasText = "Sleeping Bag 3-season" })).ToHaveCountAsync(1);
        await Assertions.Expect(stock.Filter(new() { HasText = "Cold Brew Bottle 1L" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "All products" }).ClickAsync();
        await Assertions.Expect(stock.Filter(new() { HasText = "Cold Brew Bottle 1L" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Running out (5 or fewer)" }).ClickAsync();
        await Assertions.Expect(stock.Filter(new() { HasText = "Cold Brew Bottle 1L" })).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "admin-stock");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sleeping Bag 3-season", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sleeping Bag 3-season" })).ToBeVisibleAsync();
        await Assertions.Expect(AdminUser.GridRows(page, "Stock history").First).ToContainTextAsync("Opening stock");
        await Screenshots.TakeAsync(page, "admin-stock-product");

        await AdminUser.GoToAsync(page, "Orders");
        var orders = AdminUser.GridRows(page, "Orders");
        await Assertions.Expect(orders.Filter(new() { HasText = "@example.com" }).First).ToBeVisibleAsync(); // Emails, not ids.
        await Screenshots.TakeAsync(page, "admin-orders");
        await page.GetByLabel("Shopper email").FillAsync("nobody@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No account has the email nobody@example.com.")).ToBeVisibleAsync();
        await page.GetByLabel("Shopper email").FillAsync(Shopper.DemoEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(orders).ToHaveCountAsync(2); // The demo shopper's two seeded orders.
        await Assertions.Expect(orders.Filter(new() { HasText = Shopper.DemoEmail })).ToHaveCountAsync(2);

        await orders.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Order #" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Order lines" }).Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("payment")).ToContainTextAsync("from the wallet");
        await Screenshots.TakeAsync(page, "admin-order-detail");

        await AdminUser.GoToAsync(page, "Coupons");
        await Assertions.Expect(AdminUser.GridRows(page, "Campaigns").Filter(new() { HasText = "FLASH20" })).ToContainTextAsync("30");
        await Screenshots.TakeAsync(page, "admin-coupons");

        await AdminUser.GoToAsync(page, "Data platform");
        await Assertions.Expect(AdminUser.GridRows(page, "Outbox messages").First).ToContainTextAsync("order-paid-");
        await Screenshots.TakeAsync(page, "admin-data-platform");

        await AdminUser.GoToAsync(page, "Activity");
        var activity = AdminUser.GridRows(page, "Admin activity");
        await Assertions.Expect(activity).ToHaveCountAsync(GridPageSize);
        await Screenshots.TakeAsync(page, "admin-activity");
        // Other tests' changes come first; the oldest entries, on the last page, are the seeding's.
        await page.GetByRole(AriaRole.Button, new() { Name = "Last page" }).ClickAsync();
        await Assertions.Expect(activity.Last).ToContainTextAsync("demo data");
    });
}
