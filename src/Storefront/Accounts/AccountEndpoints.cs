using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Storefront.Accounts;

public static class AccountEndpoints
{
    private static readonly IResult Expired =
        Results.Text("This sign-out form has expired or was not sent by the shop. Go back, reload the page and sign out again.",
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Sign-out is a plain form post (with antiforgery), so it works from any page, interactive or not.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", async (HttpContext http, [FromServices] SignInManager<IdentityUser> signInManager) =>
        {
            // A bad token or a body that is no form is the sender's mistake (400); binding [FromForm] would throw (500).
            // The answer has a body, so the status-code page does not re-run this POST through a page that reads the form.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !http.Request.HasFormContentType)
            {
                return Expired;
            }

            string? returnUrl;
            try
            {
                returnUrl = (await http.Request.ReadFormAsync()).TryGetValue("returnUrl", out var value) ? value.ToString() : null;
            }
            catch (InvalidDataException)
            {
                return Expired;
            }

            // A new security stamp ends this account's session everywhere, not only in this browser's cookie:
            // other tabs' circuits and any copy of the cookie fail their next check (see ShopperSessions).
            if (await signInManager.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect(LocalReturnUrl.From(returnUrl));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return account;
    }
}
