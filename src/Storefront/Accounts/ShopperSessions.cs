using System.Security.Claims;
using ECommerce.Storefront.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Accounts;

/// <summary>
/// Whether a signed-in principal still stands for its account. Signing out, a password change or an admin's
/// change to the account gives the account a new security stamp; a principal carrying the old one (another
/// tab's circuit, a copied cookie) no longer counts as signed in.
/// </summary>
public sealed class ShopperSessions(IDbContextFactory<StorefrontDbContext> contexts, IOptions<IdentityOptions> identity)
{
    /// <summary>True for a visitor (nothing to end) and for a principal whose stamp is the account's current one.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.ShopperId() is not { } shopperId)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One indexed read of one column: cheap enough to make before every action of a circuit.
        var current = await db.Users.AsNoTracking()
            .Where(u => u.Id == shopperId)
            .Select(u => new { u.SecurityStamp })
            .FirstOrDefaultAsync(ct);
        return current is not null && stamp is not null && current.SecurityStamp == stamp;
    }
}
