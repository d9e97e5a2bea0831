using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECommerce.ApiLoad.Setup;

/// <summary>
/// The benchmark's shoppers, written straight into Identity's tables. The password hash is
/// computed once and shared: every account has the same password, and the app checks it as it checks any.
/// Its PBKDF2 work factor is <see cref="HashIterations"/>, which bench/api.sh also gives the app
/// (Shop:Accounts:PasswordHasher:IterationCount): with Identity's 100,000 iterations (~75 ms a check here)
/// signing in 10,000 shoppers would cost minutes of the app's CPU before anything is measured.
/// </summary>
internal static class BenchAccounts
{
    public const int HashIterations = 1_000;
    public const string Password = "Bench-shopper-1!";

    public static string ShopperId(int number) => $"bench-shopper-{number:D5}";

    public static string ShopperEmail(int number) => $"shopper{number:D5}@bench.example";

    /// <summary>Adds the shoppers 0..<paramref name="shoppers"/> that are missing.</summary>
    public static void Ensure(ShopDatabase database, int shoppers)
    {
        var hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = HashIterations }));
        var hash = hasher.HashPassword(new object(), Password);
        database.Write(connection =>
        {
            using var insert = ShopDatabase.Command(connection, """
                INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                    PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ($id, $email, upper($email), $email, upper($email), TRUE, $hash, $stamp, $stamp, FALSE, FALSE, TRUE, 0)
                ON CONFLICT DO NOTHING
                """, ("$id", ""), ("$email", ""), ("$hash", hash), ("$stamp", ""));
            for (var n = 0; n < shoppers; n++)
            {
                Add(insert, ShopperId(n), ShopperEmail(n));
            }
        });
    }

    private static void Add(DbCommand insert, string id, string email)
    {
        ShopDatabase.Set(insert, "$id", id);
        ShopDatabase.Set(insert, "$email", email);
        ShopDatabase.Set(insert, "$stamp", Guid.NewGuid().ToString("N"));
        insert.ExecuteNonQuery();
    }
}
