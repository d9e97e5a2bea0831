using ECommerce.Storefront.Api.Contracts;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Api;

/// <summary>
/// Sign-in for API clients with Identity's bearer tokens: email and password give an access token (send it as
/// "Authorization: Bearer …") and a refresh token that gives a new pair. Rate limited per client address, and an
/// account locks after five wrong passwords as it does on the sign-in page.
/// </summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").AllowAnonymous().RequireRateLimiting(ApiRateLimits.SignIn).WithTags("Sign-in");

        auth.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Signs in with email and password; answers an access token and a refresh token.")
            .Produces<TokenView>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", RefreshAsync)
            .WithName("Refresh")
            .WithSummary("Exchanges a refresh token for a new access token and refresh token.")
            .Produces<TokenView>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, HttpContext http, SignInManager<IdentityUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password) || body.Email.Length > 256
            || body.Password.Length > 256)
        {
            return ApiProblems.For(http, ShopError.Invalid("Give the account's email and password."));
        }

        var user = await signIn.UserManager.FindByEmailAsync(body.Email.Trim());
        // The bearer scheme's sign-in writes the token response itself.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }

        var message = result.IsLockedOut
            ? "This account is locked for a few minutes after too many wrong passwords."
            : "The email or the password is wrong.";
        return TypedResults.Problem(ApiProblems.Create(http, StatusCodes.Status401Unauthorized, ApiProblems.Unauthenticated, message));
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest body, HttpContext http, SignInManager<IdentityUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null : protector.Unprotect(body.RefreshToken);
        // The account must still exist with the same security stamp: a changed password ends its refresh tokens.
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Problem(ApiProblems.Create(http, StatusCodes.Status401Unauthorized, ApiProblems.Unauthenticated,
                "The refresh token is not valid any more; sign in again."));
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
