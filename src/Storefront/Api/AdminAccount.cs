using ECommerce.Storefront.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Api;

/// <summary>
/// The second lock on the admin API, as <c>AdminGate</c> is on the admin pages: a token can outlive a role removal
/// by up to an hour, so every admin request asks the account store again and gets the admin's name for the audit log.
/// </summary>
public sealed class AdminAccount(UserManager<IdentityUser> users)
{
    private const string NameKey = "shop.api.admin";

    public static string NameOf(HttpContext http) => (string)http.Items[NameKey]!;

    public async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var account = http.User.ShopperId() is { } id ? await users.FindByIdAsync(id) : null;
        if (account is null || !await users.IsInRoleAsync(account, ShopRoles.Admin))
        {
            return ApiProblems.For(http, new ShopError(ErrorCode.NotAllowed, "This is for admins only."));
        }

        http.Items[NameKey] = account.UserName ?? account.Id;
        return await next(invocation);
    }
}
