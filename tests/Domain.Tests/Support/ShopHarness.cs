using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Domain.Tests.Support;

/// <summary>
/// A real shop over a fresh database (an SQLite file in a temporary folder, or a PostgreSQL database of its own:
/// see <see cref="TestStore"/>): the domain's own services, a hand-moved clock and a recording data-platform sink.
/// Dispose deletes the folder and the database.
/// </summary>
internal sealed class ShopHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 10, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private int _names;

    private readonly bool _ownsFolder;

    private ShopHarness(string folder, ServiceProvider services, bool ownsFolder)
    {
        Folder = folder;
        _services = services;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "shop.db");

    /// <summary>The store's connection string (on SQLite, the file <see cref="DatabasePath"/>).</summary>
    public string ConnectionString => Get<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ConnectionString;
    public ManualClock Clock => (ManualClock)_services.GetRequiredService<TimeProvider>();
    public RecordingSink Sink => (RecordingSink)_services.GetRequiredService<IDataPlatformSink>();
    public WalletService Wallets => Get<WalletService>();
    public CatalogService Catalog => Get<CatalogService>();
    public InventoryService Inventory => Get<InventoryService>();
    public CouponService Coupons => Get<CouponService>();
    public OrderService Orders => Get<OrderService>();
    public OrderQueries OrderQueries => Get<OrderQueries>();
    public OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();
    public ConcurrencyStatistics Statistics => Get<ConcurrencyStatistics>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ShopHarness> StartAsync(
        TransactionShape shape = TransactionShape.Serialized,
        IDictionary<string, string?>? settings = null,
        string? folder = null,
        bool recordingSink = true,
        bool groupCommit = true)
    {
        var isNew = folder is null;
        folder ??= Directory.CreateTempSubdirectory("shop-test-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(await TestStore.SettingsAsync(folder))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Database:TransactionShape"] = shape.ToString(),
                ["Shop:DataPlatform:Folder"] = Path.Combine(folder, "data-platform"),
                ["Shop:Concurrency:MaxAttempts"] = "50",
                ["Shop:Concurrency:GroupCommit"] = groupCommit.ToString(),
                // Rules tests see every sale at once; TopSellerRankingTests cover the kept ranking.
                ["Shop:Catalog:TopSellersRefresh"] = "00:00:00",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new ManualClock(Start));
        if (recordingSink)
        {
            // Registered first, so it takes the place of the sink the configuration would choose.
            services.AddSingleton<IDataPlatformSink, RecordingSink>();
        }

        var provider = services.AddShopDomain(configuration).BuildServiceProvider(validateScopes: true);
        await provider.StartWithoutHostAsync();
        // A new shop's database is a copy of the run's template, which the app's own migration made (TestStore).
        return new ShopHarness(folder, provider, isNew);
    }

    /// <summary>A second shop over the same database file, as another process would have: its own pools and caches.</summary>
    public Task<ShopHarness> StartNeighbourAsync(TransactionShape shape, bool groupCommit = true) =>
        StartAsync(shape, folder: Folder, groupCommit: groupCommit);

    public async Task<ShopDbContext> OpenDbAsync() =>
        await Get<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();

    public async Task<T> QueryAsync<T>(Func<ShopDbContext, Task<T>> query)
    {
        await using var db = await OpenDbAsync();
        return await query(db);
    }

    /// <summary>
    /// Takes the database's write lock from a connection of its own, as another process writing would: the
    /// shop's writes wait (busy timeout) until the returned lock is disposed. Commands sent meanwhile queue
    /// up and are decided together in one batch.
    /// </summary>
    public async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        if (TestStore.IsPostgreSql)
        {
            // PostgreSQL has no database-wide write lock: EXCLUSIVE on every table lets reads through and makes writes wait.
            var server = new NpgsqlConnection(ConnectionString);
            await server.OpenAsync();
            var locked = await server.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("""
                DO $$ BEGIN
                    EXECUTE 'LOCK TABLE ' || (SELECT string_agg(format('%I', tablename), ', ') FROM pg_tables
                                              WHERE schemaname = current_schema()) || ' IN EXCLUSIVE MODE';
                END $$
                """, server, locked);
            await command.ExecuteNonQueryAsync();
            return new WriteLock(server, locked);
        }

        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync(); // BEGIN IMMEDIATE: the write lock.
        return new WriteLock(connection, transaction);
    }

    private sealed class WriteLock(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends the calls while another connection holds the write lock, so they queue in the shop's command
    /// batcher; asserts that they were decided in at most two batches (the first call may be taken alone).
    /// </summary>
    public async Task<Result<T>[]> QueuedTogetherAsync<T>(params Func<Task<Result<T>>>[] calls)
    {
        Statistics.Reset();
        Task<Result<T>>[] sent;
        await using (await HoldWriteLockAsync())
        {
            sent = calls.Select(call => call()).ToArray();
            await Task.Delay(50); // Lets the first batch reach the lock before it is released.
        }

        var outcomes = await Task.WhenAll(sent);
        Assert.InRange(Statistics.Units, 1, 2);
        return outcomes;
    }

    public async Task AssertInvariantsAsync()
    {
        await using var db = await OpenDbAsync();
        var broken = await ShopInvariants.CheckAsync(db);
        Assert.True(broken.Count == 0, "Broken invariants:\n" + string.Join("\n", broken));
    }

    public async Task<int> AddCategoryAsync(string? name = null) =>
        (await Inventory.AddCategoryAsync(name ?? $"Category {Interlocked.Increment(ref _names)}")).Value!.Id;

    public async Task<ProductDetail> AddProductAsync(long price = 10_000, int stock = 10, string? name = null, int? categoryId = null)
    {
        var category = categoryId ?? await AddCategoryAsync();
        var result = await Inventory.AddProductAsync(
            new NewProduct(category, name ?? $"Product {Interlocked.Increment(ref _names)}", "", price, stock), "test");
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    public async Task<CampaignView> AddCampaignAsync(
        int quantity = 100, DiscountKind kind = DiscountKind.FixedAmount, long value = 1_000, long? cap = null,
        long minOrder = 0, TimeSpan? opensIn = null, TimeSpan? claimFor = null, TimeSpan? validFor = null, string? code = null)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var opens = now + (opensIn ?? TimeSpan.FromHours(-1));
        var spec = new NewCouponCampaign(
            code ?? $"CODE{Interlocked.Increment(ref _names)}", "Campaign", kind, value, cap, minOrder, quantity,
            opens, opens + (claimFor ?? TimeSpan.FromDays(7)), validFor ?? TimeSpan.FromDays(30));
        var result = await Coupons.CreateCampaignAsync(spec, "test");
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    public async Task ChargeAsync(string shopperId, long amount)
    {
        var result = await Wallets.ChargeAsync(shopperId, amount, Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, result.ToString());
    }

    public async Task<OrderView> PlaceAsync(string shopperId, int productId, int quantity = 1, int? couponId = null)
    {
        var result = await Orders.PlaceAsync(shopperId, new PlaceOrder([new CartLine(productId, quantity)], couponId, Guid.NewGuid().ToString()));
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsFolder)
        {
            await TestStore.DeleteAsync(Folder);
            Directory.Delete(Folder, recursive: true);
        }
    }
}
