using ECommerce.Domain.Administration;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<ShopDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
            .AddInterceptors(new SqliteConnectionSetup()));

        services.AddSingleton<ConcurrencyStatistics>();
        services.AddSingleton<UnitOfWork>();
        services.AddSingleton<WalletService>();
        services.AddSingleton<TopSellerRanking>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<CouponService>();
        services.AddSingleton<OrderService>();
        services.AddShopAdministration();

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

    /// <summary>The background work of a running shop: delivering the outbox and expiring unpaid orders.</summary>
    public static IServiceCollection AddShopBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<OutboxDispatcherService>();
        services.AddHostedService<OrderExpiryService>();
        return services;
    }
}
