using System.Globalization;
using System.Text.RegularExpressions;
using ECommerce.Domain.Common;

namespace ECommerce.E2E.Support;

/// <summary>What a shopper does in the browser, on the account pages and the shop's own.</summary>
public static partial class Shopper
{
    public const string DemoEmail = "shopper@example.com";
    public const string DemoPassword = "Shopper123!";

    public static async Task SignInAsync(IPage page, string email = DemoEmail, string password = DemoPassword, string returnUrl = "")
    {
        await page.GotoAsync($"Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await SubmitSignInAsync(page, email, password);
    }

    /// <summary>Fills and sends the sign-in form the page shows.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public const string NewPassword = "Newbie123!";

    /// <summary>Registers a brand-new account (signed in afterwards) and returns its email.</summary>
    public static async Task<string> RegisterAsync(IPage page, string password = NewPassword)
    {
        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return email;
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    /// <summary>Waits until the page's interactive circuit is up, so clicks reach the server.</summary>
    public static async Task WaitForInteractivityAsync(IPage page) =>
        await Assertions.Expect(page.Locator(".shop[data-interactive='true']")).ToBeAttachedAsync();

    /// <summary>Opens a page with a full load and waits until it answers clicks.</summary>
    public static async Task GoToAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForInteractivityAsync(page);
    }

    /// <summary>Charges the wallet on the wallet page; returns the balance the page then shows.</summary>
    public static async Task ChargeAsync(IPage page, long amount)
    {
        await GoToAsync(page, "wallet");
        await page.GetByLabel("Amount (₩)", new() { Exact = true }).FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Charge", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your balance is now")).ToBeVisibleAsync();
    }

    public static async Task AddToCartAsync(IPage page, int productId, int quantity = 1)
    {
        await GoToAsync(page, $"products/{productId}");
        await page.GetByLabel("Quantity", new() { Exact = true }).FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Added to your cart")).ToBeVisibleAsync();
    }

    /// <summary>Places an order for the whole cart from the checkout page; it then awaits payment there.</summary>
    public static async Task PlaceOrderAsync(IPage page)
    {
        await GoToAsync(page, "checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "awaits payment" })).ToBeVisibleAsync();
    }

    /// <summary>Pays the order the page shows from the balance; returns the order's id.</summary>
    public static async Task<int> PayAsync(IPage page, long total)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Pay {Money.Format(total)}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PaidOrderUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paid" })).ToBeVisibleAsync();
        return int.Parse(PaidOrderUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Claims a coupon of the campaign on the coupons page.</summary>
    public static async Task ClaimCouponAsync(IPage page, string campaignName)
    {
        await GoToAsync(page, "coupons");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Claim {campaignName}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"You claimed \"{campaignName}\"")).ToBeVisibleAsync();
    }

    /// <summary>The units the header's cart button shows.</summary>
    public static ILocator CartCount(IPage page) => page.GetByTestId("cart-count");

    /// <summary>The balance the header shows.</summary>
    public static ILocator HeaderBalance(IPage page) => page.GetByTestId("header-balance");

    [GeneratedRegex(@"/orders/(\d+)\?paid=true$")]
    private static partial Regex PaidOrderUrl();
}
