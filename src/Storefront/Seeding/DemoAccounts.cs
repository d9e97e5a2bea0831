using ECommerce.Storefront.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Seeding;

/// <summary>The demo accounts named in the README, and a few neighbours whose orders fill the best-seller list.</summary>
public static class DemoAccounts
{
    public const string ShopperEmail = "shopper@example.com";
    public const string ShopperPassword = "Shopper123!";
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Admin123!";
    public const string BuyerPassword = "Buyer123!";

    public static readonly IReadOnlyList<string> BuyerEmails =
        ["minji@example.com", "joon@example.com", "seoyeon@example.com", "hyun@example.com"];

    /// <summary>Creates what is missing; returns the user id of each email.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnsureAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(ShopRoles.Admin))
        {
            Check(await roles.CreateAsync(new IdentityRole(ShopRoles.Admin)), ShopRoles.Admin);
        }

        var ids = new Dictionary<string, string>
        {
            [ShopperEmail] = await EnsureUserAsync(users, ShopperEmail, ShopperPassword),
            [AdminEmail] = await EnsureUserAsync(users, AdminEmail, AdminPassword, ShopRoles.Admin),
        };
        foreach (var email in BuyerEmails)
        {
            ids[email] = await EnsureUserAsync(users, email, BuyerPassword);
        }

        return ids;
    }

    private static async Task<string> EnsureUserAsync(UserManager<IdentityUser> users, string email, string password, string? role = null)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), email);
        }

        if (role is not null && !await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), email);
        }

        return user.Id;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
