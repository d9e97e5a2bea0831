using ECommerce.Storefront.Persistence;
using ECommerce.Storefront.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ECommerce.Storefront.Hosting;

/// <summary>
/// The Data Protection keys that sign the sign-in cookie, the antiforgery tokens and the circuits' state live in the
/// shop's database (table DataProtectionKeys) under one application name, so every instance behind the load balancer
/// reads what any other wrote. See docs/scale-out.md.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>Fixed: the default is the content root path, which differs between two copies of the same build.</summary>
    public const string ApplicationName = "ECommerce.Storefront";

    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<StorefrontDbContext>();
        return services;
    }

    /// <summary>
    /// Makes the first key before serving, one process at a time. Left to the first request, instances started together
    /// on an empty table would each make a key of their own and cache a ring without the others' keys for a day.
    /// Later keys are made by Data Protection itself, two days before they are needed, so every ring has them in time.
    /// </summary>
    public static async Task EnsureSharedKeyAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<StorefrontDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedKeyRing));
        await using var lease = await SeedingLease.AcquireAsync(contexts, logger, ct, "data-protection-key");
        var keys = services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now + KeyLifetime);
        }
    }
}
