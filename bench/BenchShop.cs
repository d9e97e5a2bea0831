using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Bench;

/// <summary>The real domain over a fresh database (see <see cref="BenchStore"/>) and a temporary folder, as the app would configure it.</summary>
internal sealed class BenchShop : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsFolder;

    private BenchShop(string folder, string connectionString, ServiceProvider services, bool ownsFolder)
    {
        Folder = folder;
        ConnectionString = connectionString;
        _services = services;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }
    public string ConnectionString { get; }
    public WalletService Wallets => Get<WalletService>();
    public CatalogService Catalog => Get<CatalogService>();
    public InventoryService Inventory => Get<InventoryService>();
    public CouponService Coupons => Get<CouponService>();
    public OrderService Orders => Get<OrderService>();
    public ConcurrencyStatistics Statistics => Get<ConcurrencyStatistics>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new shop, or with <paramref name="folder"/> a second one over the same database, as another process.</summary>
    /// <param name="services">Registrations before the domain's own (which then keep them), e.g. another data-platform sink.</param>
    public static async Task<BenchShop> StartAsync(IDictionary<string, string?>? settings = null, string? folder = null,
        string? connectionString = null, Action<IServiceCollection>? services = null)
    {
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("shop-bench-").FullName;
        connectionString ??= await BenchStore.CreateDatabaseAsync(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Database:Provider"] = BenchStore.Provider.ToString(),
                ["Shop:Database:ConnectionString"] = connectionString,
                ["Shop:DataPlatform:Folder"] = Path.Combine(folder, "data-platform"),
                // SHOP_BENCH_LIVE_NOTIFY=false measures the write path without the live figures' NOTIFY (docs/live-figures.md).
                ["Shop:Live:Notify"] = Environment.GetEnvironmentVariable("SHOP_BENCH_LIVE_NOTIFY") ?? "true",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection().AddLogging();
        services?.Invoke(collection);
        var provider = collection.AddShopDomain(configuration).BuildServiceProvider();
        await provider.StartWithoutHostAsync();
        await ShopSchema.MigrateAsync(provider.GetRequiredService<IDbContextFactory<ShopDbContext>>());
        return new BenchShop(folder, connectionString, provider, ownsFolder);
    }

    /// <summary>
    /// On PostgreSQL, statistics for tables that grew from nothing to tens of thousands of rows within seconds, as a
    /// running shop's tables have them (autovacuum's analyze lags a setup by up to a minute). Without them joins over
    /// the new rows were planned as scans: the invariant checks ran past the command timeout after a fast pay run, and
    /// the payment floor's order/line read took most of its time.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        await using var db = await Get<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    public async Task<bool> InvariantsHoldAsync()
    {
        await AnalyzeAsync();
        await using var db = await Get<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        var broken = await ShopInvariants.CheckAsync(db);
        foreach (var sentence in broken)
        {
            Console.Error.WriteLine($"  BROKEN: {sentence}");
        }

        return broken.Count == 0;
    }

    public async Task<int> AddCategoryAsync(string name) => (await Inventory.AddCategoryAsync(name)).Value!.Id;

    public async Task<int> AddProductAsync(int categoryId, long price, int stock) =>
        (await Inventory.AddProductAsync(new NewProduct(categoryId, $"Product {Guid.NewGuid():N}", "", price, stock), "bench")).Value!.Id;

    public async Task<int> AddCampaignAsync(int quantity)
    {
        var now = DateTime.UtcNow;
        var spec = new NewCouponCampaign($"BENCH{Random.Shared.Next():X}", "Bench", DiscountKind.FixedAmount, 100, null, 0,
            quantity, now.AddHours(-1), now.AddDays(1), TimeSpan.FromDays(1));
        return (await Coupons.CreateCampaignAsync(spec, "bench")).Value!.Id;
    }

    /// <summary>A raw SQLite connection for bulk seeding, with the app's pragmas (the read scenarios run on SQLite only).</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsFolder)
        {
            await BenchStore.DropDatabaseAsync(ConnectionString);
            Directory.Delete(Folder, recursive: true);
        }
    }
}
