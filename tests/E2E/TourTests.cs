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
        var email = await Shopper.RegisterAsync(page);
        await Shopper.ChargeAsync(page, 200_000);
        await HeaderFitsAsync(page, email, width: 1024);

        await Shopper.GoToAsync(page, "");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Top 5 best sellers" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        await Screenshots.TakeAsync(page, "home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "home-dark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Light theme" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Coffee & Tea" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "In stock only" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("instock=true"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Coffee & Tea");
        await Screenshots.TakeAsync(page, "catalog");

        var kettle = await Shop.Domain.ProductIdAsync("Gooseneck Kettle 1L");
        await Shopper.AddToCartAsync(page, await Shop.Domain.ProductIdAsync("Cold Brew Bottle 1L"), 2);
        await Shopper.AddToCartAsync(page, kettle);
        await Assertions.Expect(Shopper.CartCount(page)).ToHaveTextAsync("3");
        await Screenshots.TakeAsync(page, "product");

        await Shopper.ClaimCouponAsync(page, "Welcome: ₩3,000 off");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Welcome" })).ToContainTextAsync("Valid");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Cart" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Welcome: ₩3,000 off" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("₩82,000");
        await Screenshots.TakeAsync(page, "cart");

        await page.GetByRole(AriaRole.Button, new() { Name = "Go to checkout" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("discount")).ToHaveTextAsync("−₩3,000");
        await Screenshots.TakeAsync(page, "checkout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩82,000" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-balance")).ToHaveTextAsync("₩118,000");
        await Screenshots.TakeAsync(page, "order");

        await Shopper.GoToAsync(page, "wallet");
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header, the charge and the payment
        await Screenshots.TakeAsync(page, "wallet");

        await Shopper.GoToAsync(page, "coupons");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Welcome" })).ToContainTextAsync("Used");
        await Screenshots.TakeAsync(page, "coupons");

        await page.SetViewportSizeAsync(390, 844);
        await Shopper.GoToAsync(page, "catalog");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(24);
        await Screenshots.TakeAsync(page, "catalog-phone", fullPage: false);
    });

    /// <summary>A long email gives way in the header (cut short, whole in its title); every link of the shop stays in view.</summary>
    private static async Task HeaderFitsAsync(IPage page, string email, int width)
    {
        await page.SetViewportSizeAsync(width, 900);
        var who = page.GetByRole(AriaRole.Banner).GetByTitle($"Signed in as {email}");
        await Assertions.Expect(who).ToHaveTextAsync(email);
        Assert.True(await who.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "The email should be cut short.");
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        Assert.True(await links.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "Every link should be in view.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The page should not scroll sideways.");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
