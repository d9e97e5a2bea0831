namespace ECommerce.E2E;

/// <summary>
/// A walk past every page a shopper sees, checking each shows what it should. When the environment variable
/// SHOP_SCREENSHOTS names a folder, it also saves a full-page picture of each there (that is how
/// docs/screenshots is made, see docs/storefront.md); otherwise it only checks.
/// </summary>
public sealed class TourTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task Every_shopper_page_shows_its_content() => InBrowserAsync(async page =>
    {
        await Shopper.RegisterAsync(page);
        await Shopper.ChargeAsync(page, 200_000);

        await Shopper.GoToAsync(page, "");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Top 5 best sellers" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        await SaveAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Coffee & Tea" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "In stock only" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("instock=true"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Coffee & Tea");
        await SaveAsync(page, "catalog");

        var kettle = await Shop.Domain.ProductIdAsync("Gooseneck Kettle 1L");
        await Shopper.AddToCartAsync(page, await Shop.Domain.ProductIdAsync("Cold Brew Bottle 1L"), 2);
        await Shopper.AddToCartAsync(page, kettle);
        await Assertions.Expect(Shopper.CartCount(page)).ToHaveTextAsync("3");
        await SaveAsync(page, "product");

        await Shopper.ClaimCouponAsync(page, "Welcome: ₩3,000 off");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Welcome" })).ToContainTextAsync("Valid");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Cart" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Welcome: ₩3,000 off" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("₩82,000");
        await SaveAsync(page, "cart");

        await page.GetByRole(AriaRole.Button, new() { Name = "Go to checkout" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("discount")).ToHaveTextAsync("−₩3,000");
        await SaveAsync(page, "checkout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩82,000" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-balance")).ToHaveTextAsync("₩118,000");
        await SaveAsync(page, "order");

        await Shopper.GoToAsync(page, "wallet");
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header, the charge and the payment
        await SaveAsync(page, "wallet");

        await Shopper.GoToAsync(page, "coupons");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Welcome" })).ToContainTextAsync("Used");
        await SaveAsync(page, "coupons");

        await page.SetViewportSizeAsync(390, 844);
        await Shopper.GoToAsync(page, "catalog");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(24);
        await SaveAsync(page, "catalog-phone", fullPage: false);
    });

    private static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("SHOP_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, $"{name}.png"),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled,
        });
    }
}
