using ECommerce.Domain;
using ECommerce.Storefront.Persistence;
using ECommerce.Storefront.Seeding;

namespace ECommerce.Storefront.Hosting;

public static class ShopStartup
{
    /// <summary>Brings both schemas in the shop's database up to date, makes the shared key ring's first key, then seeds the demo data (idempotent).</summary>
    public static async Task PrepareShopAsync(this WebApplication app, CancellationToken ct = default)
    {
        var services = app.Services;
        await services.MigrateShopAsync(ct);
        await StorefrontSchema.MigrateAsync(services.GetRequiredService<IDbContextFactory<StorefrontDbContext>>(), ct);
        await services.EnsureSharedKeyAsync(ct);
        await services.GetRequiredService<DemoData>().SeedAsync(ct);
    }
}
