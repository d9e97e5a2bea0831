using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Accounts;

/// <summary>Redirects after an account action, only ever to a page of this site (see <see cref="LocalReturnUrl"/>).</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalReturnUrl.From(uri));
}
