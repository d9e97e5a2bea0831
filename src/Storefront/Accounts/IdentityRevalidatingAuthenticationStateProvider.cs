using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Accounts;

/// <summary>
/// Signs an interactive circuit out when the account's security stamp changes (sign-out in another tab, a
/// password change, an admin's change), checked every <see cref="AccountOptions.RevalidationInterval"/>.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    ShopperSessions sessions,
    IOptions<AccountOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>The circuit acts as a visitor from now on: pages for signed-in shoppers send it to sign in.</summary>
    public void SignOutCircuit() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
}
