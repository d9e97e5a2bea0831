using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Storefront.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a plain form post (with antiforgery), so it works from any page, interactive or not.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", async (HttpContext http, [FromServices] SignInManager<IdentityUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            // A new security stamp ends this account's session everywhere, not only in this browser's cookie:
            // other tabs' circuits and any copy of the cookie fail their next check (see ShopperSessions).
            if (await signInManager.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalReturnUrl.From(returnUrl));
        });
        return account;
    }
}
