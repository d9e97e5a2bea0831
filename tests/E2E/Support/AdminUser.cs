namespace ECommerce.E2E.Support;

/// <summary>The seeded demo admin.</summary>
public static class AdminUser
{
    public const string Email = "admin@example.com";
    public const string Password = "Admin123!";

    /// <summary>Signs in and waits until the admin page is interactive.</summary>
    public static async Task SignInAsync(IPage page, string returnUrl = "admin")
    {
        await Shopper.SignInAsync(page, Email, Password, returnUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" })).ToBeVisibleAsync();
        await Shopper.WaitForInteractivityAsync(page);
    }

    /// <summary>Follows a link of the admin navigation (the shop's own navigation has links of the same names).</summary>
    public static Task GoToAsync(IPage page, string link) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

    /// <summary>The data rows of the admin grid of that name.</summary>
    public static ILocator GridRows(IPage page, string gridLabel) =>
        page.Locator($"[aria-label='{gridLabel}'] tr.data-row");

    /// <summary>Answers the confirmation dialog open on the page with its button of that name.</summary>
    public static Task AnswerDialogAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
}
