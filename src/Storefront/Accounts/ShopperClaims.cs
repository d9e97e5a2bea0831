using System.Security.Claims;

namespace ECommerce.Storefront.Accounts;

public static class ShopperClaims
{
    /// <summary>The shopper id the domain knows: the Identity user id of the signed-in user, or null for a visitor.</summary>
    public static string? ShopperId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
