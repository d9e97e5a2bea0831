using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Accounts;

/// <summary>
/// Translates between the shopper ids the domain knows and the emails people know. Only the storefront holds
/// accounts, so admin pages resolve an email to an id before asking the domain, and ids to emails after.
/// </summary>
public sealed class ShopperDirectory(UserManager<IdentityUser> users)
{
    public async Task<string?> FindIdByEmailAsync(string email) =>
        (await users.FindByEmailAsync(email.Trim()))?.Id;

    /// <summary>The email of each known id (one indexed lookup for a whole page of rows).</summary>
    public async Task<IReadOnlyDictionary<string, string>> EmailsAsync(IEnumerable<string> shopperIds, CancellationToken ct = default)
    {
        var ids = shopperIds.Distinct().ToList();
        return await users.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
    }
}
