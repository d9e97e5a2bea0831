using System.Data.Common;
using ECommerce.Storefront.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// A storefront component: it acts for the signed-in shopper, whose id comes from the sign-in cookie, never from
/// the page, and it reads the shop through <see cref="LoadAsync"/>, the one place where a failed read becomes a message.
/// </summary>
public abstract class ShopperComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in shopper's id, or null for a visitor.</summary>
    protected async Task<string?> GetShopperIdAsync() =>
        AuthenticationState is null ? null : (await AuthenticationState).User.ShopperId();

    /// <summary>A fresh idempotency key: one per form, so a repeated submit of that form acts once.</summary>
    protected static string NewRequestKey() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Runs the page's reads. When the database cannot be reached (down, locked past its timeout) the page gets
    /// the message "We could not load <paramref name="what"/>…" to show instead of an error page; null when all went well.
    /// </summary>
    protected static async Task<ShopError?> LoadAsync(string what, Func<Task> read)
    {
        try
        {
            await read();
            return null;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException { InnerException: DbException })
        {
            return PageErrors.LoadFailed(what);
        }
    }

    /// <summary>
    /// For a visitor who pressed a shopper's button (add to cart, claim) on a public page: the sign-in page
    /// (a static page, hence a full load), then back here.
    /// </summary>
    protected void SendToSignIn() => Navigation.NavigateTo(Navigation.SignInAndBack(), forceLoad: true);
}
