using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Accounts;

public static class AccountLinks
{
    /// <summary>The sign-in page, coming back to the page the visitor is on now (path and query) afterwards.</summary>
    public static string SignInAndBack(this NavigationManager navigation) =>
        $"Account/Login?ReturnUrl={Uri.EscapeDataString(navigation.ToBaseRelativePath(navigation.Uri))}";
}
