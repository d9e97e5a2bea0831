namespace ECommerce.E2E.Support;

/// <summary>What a shopper does through the account pages.</summary>
public static class Shopper
{
    public const string DemoEmail = "shopper@example.com";
    public const string DemoPassword = "Shopper123!";

    public static async Task SignInAsync(IPage page, string email = DemoEmail, string password = DemoPassword, string returnUrl = "")
    {
        await page.GotoAsync($"Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Registers a brand-new account (signed in afterwards) and returns its email.</summary>
    public static async Task<string> RegisterAsync(IPage page, string password = "Newbie123!")
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

    /// <summary>Waits until the page's interactive circuit is up, so clicks reach the server.</summary>
    public static async Task WaitForInteractivityAsync(IPage page) =>
        await Assertions.Expect(page.Locator(".shop[data-interactive='true']")).ToBeAttachedAsync();
}
