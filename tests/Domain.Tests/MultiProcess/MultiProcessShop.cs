using System.Text;
using System.Text.Json;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// A shop database (an SQLite file, or a PostgreSQL database: see <see cref="TestStore"/>) prepared for several worker processes: shoppers with money, open campaigns, stocked
/// products, and the real folder sink. Checks what the processes left behind with SQL. Dispose deletes it all.
/// </summary>
public sealed class MultiProcessShop : IAsyncDisposable
{
    private MultiProcessShop(string folder, string connectionString)
    {
        Folder = folder;
        ConnectionString = connectionString;
    }

    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "shop.db");

    /// <summary>The store's connection string (see <see cref="TestStore"/>): what every worker opens.</summary>
    public string ConnectionString { get; }
    public string SinkFolder => Path.Combine(Folder, "data-platform");

    /// <summary>When set, the workers deliver paid orders to this HTTP endpoint instead of <see cref="SinkFolder"/>.</summary>
    public string? DataPlatformUrl { get; set; }
    public List<string> Shoppers { get; } = [];
    public List<int> Campaigns { get; } = [];
    public List<int> Products { get; } = [];

    public static async Task<MultiProcessShop> CreateAsync(
        int shoppers, long balance, int[] campaignQuantities, int products, int stock)
    {
        var folder = Directory.CreateTempSubdirectory("shop-processes-").FullName;
        var shop = new MultiProcessShop(folder, await TestStore.ConnectionStringAsync(folder));
        await using var harness = await shop.OpenAsync();
        await ShopSchema.MigrateAsync(harness.Get<IDbContextFactory<ShopDbContext>>());

        shop.Shoppers.AddRange(Enumerable.Range(1, shoppers).Select(n => $"shopper-{n}"));
        await Task.WhenAll(shop.Shoppers.Select(async shopper =>
        {
            for (var left = balance; left > 0; left -= 1_000_000)
            {
                await harness.ChargeAsync(shopper, Math.Min(left, 1_000_000));
            }
        }));

        // The workers run on the real clock: the campaigns are open around the real now, not the harness's.
        var opensIn = DateTimeOffset.UtcNow - harness.Clock.GetUtcNow() - TimeSpan.FromHours(1);
        foreach (var quantity in campaignQuantities)
        {
            shop.Campaigns.Add((await harness.AddCampaignAsync(quantity, opensIn: opensIn, claimFor: TimeSpan.FromDays(30))).Id);
        }

        var category = await harness.AddCategoryAsync();
        for (var n = 0; n < products; n++)
        {
            shop.Products.Add((await harness.AddProductAsync(price: 1_000 + (n * 500), stock: stock, categoryId: category)).Id);
        }

        return shop;
    }

    /// <summary>Starts <paramref name="processes"/> workers on a timed plan, their load beginning together once all are warm.</summary>
    public Task<WorkerGroup> StartWorkersAsync(string mix, int processes, int tasks, double seconds, string name)
    {
        var signal = $"start-{name}";
        return WorkerGroup.StartTogetherAsync(WritePlan(mix, tasks, seconds, signal), Path.Combine(Folder, signal),
            [.. Enumerable.Range(1, processes).Select(n => $"{name}{n}")]);
    }

    /// <summary>The domain in this test process, over the same file (for setup and for the checks afterwards).</summary>
    internal Task<ShopHarness> OpenAsync() => ShopHarness.StartAsync(folder: Folder);

    /// <summary>Writes a plan for tests/DomainWorker and returns its path.</summary>
    /// <param name="startSignal">A file in <see cref="Folder"/> whose creation starts the workers' timed load (see <see cref="WorkerGroup.StartTogetherAsync"/>).</param>
    public string WritePlan(string mix, int tasks, double seconds, string? startSignal = null)
    {
        var path = Path.Combine(Folder, $"plan-{Guid.NewGuid():N}.json");
        startSignal = startSignal is null ? null : Path.Combine(Folder, startSignal);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Database = DatabasePath,
            DataPlatformFolder = SinkFolder,
            Shoppers,
            Campaigns,
            Products,
            Mix = mix,
            Tasks = tasks,
            Seconds = seconds,
            StartSignal = startSignal,
            Provider = TestStore.Provider.ToString(),
            ConnectionString,
            DataPlatformUrl,
        }));
        return path;
    }

    /// <summary>SQLite's check of the file after processes wrote it at once; PostgreSQL's own pages are not the shop's concern ("ok").</summary>
    public async Task<string> IntegrityCheckAsync()
    {
        if (TestStore.IsPostgreSql)
        {
            return "ok";
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Every line of every JSON-lines file, each parsed as one JSON object (a torn or glued line fails here), by
    /// idempotency key. A key sent twice (at least once delivery) must carry the same message each time.
    /// </summary>
    public IReadOnlyDictionary<string, string> SinkLinesByKey()
    {
        var byKey = new Dictionary<string, string>();
        if (!Directory.Exists(SinkFolder))
        {
            return byKey;
        }

        foreach (var file in Directory.GetFiles(SinkFolder, "*.jsonl"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{file} starts with a byte-order mark.");
            Assert.True(bytes.Length == 0 || bytes[^1] == (byte)'\n', $"{file} ends in the middle of a line.");
            foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line); // Throws on a torn line.
                Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
                var key = json.RootElement.GetProperty("idempotencyKey").GetString()!;
                var payload = json.RootElement.GetProperty("payload").GetRawText();
                if (byKey.TryGetValue(key, out var earlier))
                {
                    Assert.True(earlier == payload, $"Two lines under {key} carry different messages.");
                }

                byKey[key] = payload;
            }
        }

        return byKey;
    }

    /// <summary>
    /// After the workers: SPEC's invariants; every acknowledged payment, charge, claim and restock present; every
    /// paid order at the data platform as a complete line, and every message marked delivered really there.
    /// </summary>
    public async Task AssertAftermathAsync(IEnumerable<string> acknowledgements)
    {
        Assert.Equal("ok", await IntegrityCheckAsync());
        var acks = acknowledgements.Select(a => a.Split(' ')).ToLookup(a => a[0]);
        await using var harness = await OpenAsync();
        await harness.AssertInvariantsAsync();
        await using var db = await harness.OpenDbAsync();

        var paidIds = acks["pay"].Select(a => int.Parse(a[1])).ToHashSet();
        var paid = await db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(o => o.Id).ToListAsync();
        Missing("acknowledged payments not paid", paidIds.Except(paid));

        var chargeKeys = acks["charge"].Select(a => a[1]).ToHashSet();
        var ledgerKeys = await db.WalletLedger.Where(e => e.IdempotencyKey != null).Select(e => e.IdempotencyKey!).ToListAsync();
        Missing("acknowledged charges not in the ledger", chargeKeys.Except(ledgerKeys));

        var claimIds = acks["claim"].Select(a => int.Parse(a[1])).ToHashSet();
        var issued = await db.IssuedCoupons.Select(c => c.Id).ToListAsync();
        Missing("acknowledged claims not issued", claimIds.Except(issued));

        var restocks = acks["restock"].Count();
        var restocked = await db.StockAdjustments.CountAsync(a => a.Reason == "restock");
        Assert.True(restocked >= restocks, $"{restocks} restocks acknowledged, {restocked} recorded.");

        var lines = SinkLinesByKey();
        var delivered = await db.Outbox.Where(m => m.State == OutboxState.Delivered).Select(m => m.IdempotencyKey).ToListAsync();
        Missing("messages marked delivered but not in the JSON-lines files", delivered.Except(lines.Keys));
        var paidKeys = paid.Select(id => $"order-paid-{id}").ToList();
        Missing("paid orders not at the data platform", paidKeys.Except(lines.Keys));
    }

    private static void Missing<T>(string what, IEnumerable<T> missing)
    {
        var list = missing.ToList();
        Assert.True(list.Count == 0, $"{list.Count} {what}: {string.Join(", ", list.Take(10))}");
    }

    public async ValueTask DisposeAsync()
    {
        await TestStore.DeleteAsync(Folder);
        Directory.Delete(Folder, recursive: true);
    }
}
