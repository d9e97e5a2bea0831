using ECommerce.Domain;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Persistence;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Seeding;

/// <summary>
/// Fills a new shop with demo accounts, a catalog, coupon campaigns and three days of paid orders, through
/// the domain's own services. Every step looks for what exists first, so a restart adds nothing twice, and one
/// process seeds at a time (<see cref="SeedingLease"/>).
/// </summary>
public sealed class DemoData(
    IServiceScopeFactory scopes,
    IDbContextFactory<StorefrontDbContext> storefront,
    IConfiguration configuration,
    IOptions<DemoDataOptions> options,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    /// <summary>Who the audit log says made the demo data's products and campaigns.</summary>
    public const string Actor = "demo data";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!options.Value.DemoData)
        {
            return;
        }

        // Storefronts started together take turns; each step below then finds what the first one made.
        await using var lease = await SeedingLease.AcquireAsync(storefront, logger, ct);
        IReadOnlyDictionary<string, string> users;
        await using (var scope = scopes.CreateAsyncScope())
        {
            users = await DemoAccounts.EnsureAsync(scope.ServiceProvider);
        }

        // The domain's services once more, on a clock the seeding moves: the same rules, at past moments.
        var now = clock.GetUtcNow();
        var seedClock = new SeedClock(now.AddDays(-4));
        await using var domain = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(seedClock)
            .AddShopDomain(configuration)
            .BuildServiceProvider();

        var products = await DemoCatalog.EnsureAsync(
            domain.GetRequiredService<InventoryService>(), domain.GetRequiredService<CatalogService>(), Actor, ct);
        var campaigns = await DemoCampaigns.EnsureAsync(domain.GetRequiredService<CouponService>(), now.UtcDateTime, ct);
        await new DemoOrders(
                domain.GetRequiredService<WalletService>(),
                domain.GetRequiredService<CouponService>(),
                domain.GetRequiredService<OrderService>(),
                seedClock, users, products, campaigns, logger)
            .PlaceAsync(now, ct);
        logger.LogInformation("Demo data ready: {Products} products, {Campaigns} campaigns, {Accounts} accounts",
            products.Count, campaigns.Count, users.Count);
    }
}
