using System.Text.RegularExpressions;

namespace ECommerce.E2E;

/// <summary>The whole way of a new shopper, from registering to a paid order, in one browser.</summary>
public sealed partial class JourneyTests(ShopFixture shop) : BrowserTest(shop)
{
    private const string Beans = "Ethiopia Yirgacheffe Beans 500g"; // ₩24,000
    private const string Welcome = "Welcome: ₩3,000 off"; // on orders from ₩20,000

    [Fact]
    public Task A_new_shopper_registers_charges_browses_claims_orders_and_pays_with_the_coupon() => InBrowserAsync(async page =>
    {
        await Shopper.RegisterAsync(page);

        await Shopper.ChargeAsync(page, 100_000);
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("₩100,000");
        await Assertions.Expect(Shopper.HeaderBalance(page)).ToHaveTextAsync("₩100,000");

        // Browse: every filter lands in the URL, and the back button returns to the previous list.
        await Shopper.GoToAsync(page, "catalog");
        await page.GetByRole(AriaRole.Complementary, new() { Name = "Filters" }).GetByRole(AriaRole.Link, new() { Name = "Coffee & Tea" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(CategoryUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Coffee & Tea");
        await page.GetByLabel("Search products").FillAsync("beans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=beans"));
        await page.GetByRole(AriaRole.Combobox).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Price: high to low" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=beans&sort=price-desc$"));
        var products = page.GetByRole(AriaRole.List, new() { Name = "Products" }).GetByRole(AriaRole.Heading);
        await Assertions.Expect(products).ToHaveTextAsync(["Ethiopia Yirgacheffe Beans 500g", "Colombia Huila Beans 500g"]);
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=beans$"));
        await Assertions.Expect(products).ToHaveTextAsync(["Colombia Huila Beans 500g", "Ethiopia Yirgacheffe Beans 500g"]);

        await products.GetByRole(AriaRole.Link, new() { Name = Beans }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Beans })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Added to your cart: you now have 1 unit in it.")).ToBeVisibleAsync();
        await Assertions.Expect(Shopper.CartCount(page)).ToHaveTextAsync("1");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coupons" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Claim {Welcome}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"You claimed \"{Welcome}\"")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "You hold this coupon" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = Welcome })).ToContainTextAsync("Valid");

        // The cart, with the coupon chosen, survives a reload.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Cart" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = Welcome }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("discount")).ToHaveTextAsync("−₩3,000");
        await page.ReloadAsync();
        await Shopper.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Beans })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("₩21,000");

        await page.GetByRole(AriaRole.Button, new() { Name = "Go to checkout" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("discount")).ToHaveTextAsync("−₩3,000");
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("₩21,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "awaits payment" })).ToBeVisibleAsync();
        await Assertions.Expect(Shopper.CartCount(page)).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩21,000" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/orders/\d+\?paid=true$"));
        await Assertions.Expect(page.GetByTestId("new-balance")).ToHaveTextAsync("₩79,000");
        await Assertions.Expect(Shopper.HeaderBalance(page)).ToHaveTextAsync("₩79,000");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paid" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = Beans })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Orders" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "₩21,000" })).ToContainTextAsync("Paid");
    });

    [GeneratedRegex(@"/catalog\?category=\d+$")]
    private static partial Regex CategoryUrl();
}
