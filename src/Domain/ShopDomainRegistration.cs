using ECommerce.Domain.Administration;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Diagnostics;
using ECommerce.Domain.Live;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Persistence.Migrations.PostgreSql;
using ECommerce.Domain.Persistence.Migrations.Sqlite;
using ECommerce.Domain.Requests;
using ECommerce.Domain.Wallets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain;

public static class ShopDomainRegistration
{
    /// <summary>
    /// The domain's services, its database and its data-platform sink, configured from the "Shop" section
    /// (see README). Every service is a stateless singleton that opens a short-lived context per call.
    /// </summary>
    public static IServiceCollection AddShopDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<ConcurrencyOptions>(configuration.GetSection(ConcurrencyOptions.Section));
        services.Configure<WalletOptions>(configuration.GetSection(WalletOptions.Section));
        services.Configure<OrderOptions>(configuration.GetSection(OrderOptions.Section));
        services.Configure<CatalogOptions>(configuration.GetSection(CatalogOptions.Section));
        services.Configure<DataPlatformOptions>(configuration.GetSection(DataPlatformOptions.Section));
        services.Configure<LiveOptions>(configuration.GetSection(LiveOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<SqliteShopDbContext>(UseConfiguredStore);
        services.AddPooledDbContextFactory<PostgreSqlShopDbContext>(UseConfiguredStore);
        // The domain asks for ShopDbContext; the configured store's pool makes it as that store's own context type,
        // which carries the store's migrations (docs/schema.md). Only that pool is ever created.
        services.AddSingleton<IDbContextFactory<ShopDbContext>>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsSqlite
                ? new ShopContexts<SqliteShopDbContext>(provider.GetRequiredService<IDbContextFactory<SqliteShopDbContext>>())
                : new ShopContexts<PostgreSqlShopDbContext>(provider.GetRequiredService<IDbContextFactory<PostgreSqlShopDbContext>>()));

        services.AddSingleton(provider => new ShopDatabase(provider.GetRequiredService<IDbContextFactory<ShopDbContext>>()));
        services.AddMetrics();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<ShopMetrics>();
        services.AddSingleton<ConcurrencyStatistics>();
        services.AddSingleton<UnitOfWork>();
        services.AddHostedService<SqliteCheckpoints>();
        services.AddSingleton<WalletService>();
        services.AddSingleton<TopSellerRanking>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<CouponService>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<CartRules>();
        services.AddCommandBatcher<OrderPlacement, Order, OrderPlacement.Decision>();
        services.AddCommandBatcher<PayOrder, PaymentReceipt, PayOrder.Decision>();
        services.AddCommandBatcher<ChargeWallet, ChargeReceipt, ChargeWallet.Decision>();
        services.AddCommandBatcher<ClaimCoupon, IssuedCoupon, ClaimCoupon.Decision>();
        services.AddShopAdministration();
        services.AddLiveFigures();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHttpClient(nameof(HttpDataPlatformSink));
        services.AddSingleton<JsonLinesFolderSink>();
        services.AddSingleton<HttpDataPlatformSink>();
        services.TryAddSingleton<IDataPlatformSink>(provider =>
            provider.GetRequiredService<IOptions<DataPlatformOptions>>().Value.Sink switch
            {
                var sink when sink.Equals("Folder", StringComparison.OrdinalIgnoreCase) => provider.GetRequiredService<JsonLinesFolderSink>(),
                var sink when sink.Equals("Http", StringComparison.OrdinalIgnoreCase) => provider.GetRequiredService<HttpDataPlatformSink>(),
                var sink => throw new InvalidOperationException(
                    $"{DataPlatformOptions.Section}:Sink is \"{sink}\"; use \"Folder\" or \"Http\"."),
            });
        return services;
    }

    /// <summary>The configured store and connection string; on SQLite the per-connection pragmas too.</summary>
    private static void UseConfiguredStore(IServiceProvider provider, DbContextOptionsBuilder options)
    {
        var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        options.UseShopStore(database);
        if (database.IsSqlite)
        {
            options.AddInterceptors(new SqliteConnectionSetup());
        }
    }

    /// <summary>
    /// A group-committed command: its decision, and its batcher, whose worker the host starts and stops
    /// (a provider without a host starts it through <see cref="IHostedService.StartAsync"/>).
    /// </summary>
    private static void AddCommandBatcher<TCommand, TResult, TDecision>(this IServiceCollection services)
        where TDecision : class, IBatchDecision<TCommand, TResult>
    {
        services.AddSingleton<TDecision>();
        services.AddSingleton(provider => new CommandBatcher<TCommand, TResult>(
            provider.GetRequiredService<UnitOfWork>(), provider.GetRequiredService<TDecision>()));
        services.AddHostedService(provider => provider.GetRequiredService<CommandBatcher<TCommand, TResult>>());
    }

    /// <summary>
    /// The change feed, the hub that flushes changed figures to open pages, and on PostgreSQL the listener that hears
    /// the other instances: started and stopped by the host like the batchers (docs/live-figures.md).
    /// </summary>
    private static void AddLiveFigures(this IServiceCollection services)
    {
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<LiveFigures>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveFigures>());
        services.AddSingleton<PostgreSqlChangeListener>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgreSqlChangeListener>());
    }

    /// <summary>The background work of a running shop: delivering the outbox and expiring unpaid orders.</summary>
    public static IServiceCollection AddShopBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<OutboxDispatcherService>();
        services.AddHostedService<OrderExpiryService>();
        return services;
    }

    /// <summary>
    /// For a provider without a host (a test, the benchmark, a tool over the shop's file): starts what a host
    /// would start. Disposing the provider stops it again.
    /// </summary>
    public static async Task StartWithoutHostAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        foreach (var service in services.GetServices<IHostedService>())
        {
            await service.StartAsync(ct);
        }
    }

    /// <summary>Brings the shop's own tables to the current version (see <see cref="ShopSchema"/>); the host calls it before serving.</summary>
    public static Task MigrateShopAsync(this IServiceProvider services, CancellationToken ct = default) =>
        ShopSchema.MigrateAsync(services.GetRequiredService<IDbContextFactory<ShopDbContext>>(), ct);
}
