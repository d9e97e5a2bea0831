using ECommerce.Storefront.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>
/// The second lock on every admin action. The page itself is only for role Admin, but an interactive circuit
/// can outlive a role removal by many minutes: each action asks the account store again, just before the
/// domain is called, and gets the acting admin's name for the audit log.
/// </summary>
public sealed class AdminGate(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    public static readonly ShopError NotAllowed = new(ErrorCode.NotAllowed, "This page is not for your account.");

    /// <summary>The signed-in admin's name, or <see cref="NotAllowed"/>.</summary>
    public async Task<Result<string>> CheckAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        // A fresh scope, so the check reads the store now instead of a context the circuit has kept.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var account = user.ShopperId() is { } id ? await users.FindByIdAsync(id) : null;
        return account is not null && await users.IsInRoleAsync(account, ShopRoles.Admin)
            ? account.UserName ?? account.Id
            : NotAllowed;
    }
}
