using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.Domain.Tests.Administration;

/// <summary>
/// The admin's lists must stay fast on a large shop (nopCommerce's admin reports timed out on large data). Every
/// query the admin reads run is checked against SQLite's own plan: a filtered query reads through an index, never
/// the whole table, and no list sorts its whole result to show one page.
/// </summary>
// SQLite only: reads SQLite's EXPLAIN QUERY PLAN.
[Trait(TestStore.Trait, TestStore.SqliteOnly)]
public sealed partial class AdminQueryPlanTests
{
    [Fact]
    public async Task Every_admin_query_reads_through_an_index_and_sorts_by_one()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 100);
        var campaign = await shop.AddCampaignAsync();
        var coupon = await shop.Coupons.ClaimAsync("ann", campaign.Id);
        await AdminScenario.SellAsync(shop, "ann", product.Id, couponId: coupon.Value!.Id);
        var commands = new ConcurrentQueue<string>();
        await using (var services = CapturingSql(shop, commands))
        {
            await RunEveryAdminQueryAsync(services, product.Id);
        }

        var plans = await ExplainAsync(shop, commands.Distinct());

        // The best sellers come from the catalog's kept ranking (TopSellerRanking), not from an admin query.
        var admin = plans.Where(p => !p.Sql.Contains("\"ProductSalesHours\"", StringComparison.Ordinal)).ToList();
        Assert.True(admin.Count >= 20, $"Only {admin.Count} queries were seen.");
        var offending = admin
            .Where(p => p.Plan.Any(step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal))
                        || (p.Sql.Contains("WHERE", StringComparison.Ordinal) && p.Plan.Any(TableScan().IsMatch)))
            .Select(p => $"{p.Sql}\n  plan: {string.Join(" | ", p.Plan)}")
            .ToList();
        Assert.True(offending.Count == 0, "Queries that read or sort whole tables:\n" + string.Join("\n\n", offending));
    }

    /// <summary>The lists and figures; one order's detail is read by its key (and sorts its own few lines).</summary>
    private static async Task RunEveryAdminQueryAsync(ServiceProvider services, int productId)
    {
        var day = ShopHarness.Start.UtcDateTime.Date;
        var search = services.GetRequiredService<OrderSearch>();
        foreach (var sort in Enum.GetValues<AdminOrderSort>())
        {
            await search.SearchAsync(new AdminOrderQuery(Sort: sort));
            await search.SearchAsync(new AdminOrderQuery(Status: OrderStatus.Paid, Sort: sort));
        }

        // A date range or a shopper narrows the rows first; their lists come newest or oldest first.
        await search.SearchAsync(new AdminOrderQuery(From: day, To: day.AddDays(1)));
        await search.SearchAsync(new AdminOrderQuery(ShopperId: "ann", Sort: AdminOrderSort.OldestFirst));
        await search.SearchAsync(new AdminOrderQuery(OrderStatus.Paid, day, day.AddDays(1), "ann"));
        await services.GetRequiredService<SalesDashboard>().GetAsync();
        await services.GetRequiredService<CampaignList>().GetPageAsync();
        foreach (var state in Enum.GetValues<OutboxState>())
        {
            await services.GetRequiredService<OutboxMonitor>().GetPageAsync(new OutboxQuery(state));
        }

        await services.GetRequiredService<OutboxMonitor>().CountAsync();
        await services.GetRequiredService<ActivityLog>().GetPageAsync();
        foreach (var sort in Enum.GetValues<StockSort>())
        {
            await services.GetRequiredService<StockList>().SearchAsync(new StockQuery(LowStockOnly: true, Sort: sort));
        }

        await services.GetRequiredService<InventoryService>().GetStockHistoryAsync(productId, page: 2);
    }

    /// <summary>The shop's domain over the harness's database, with every SELECT it sends kept.</summary>
    private static ServiceProvider CapturingSql(ShopHarness shop, ConcurrentQueue<string> commands)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shop:Database:ConnectionString"] = $"Data Source={shop.DatabasePath}" })
            .Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new SqlCapture(commands)))
            .AddSingleton<TimeProvider>(shop.Clock)
            .AddShopDomain(configuration)
            .BuildServiceProvider();
    }

    private static async Task<List<(string Sql, List<string> Plan)>> ExplainAsync(ShopHarness shop, IEnumerable<string> commands)
    {
        await using var connection = new SqliteConnection($"Data Source={shop.DatabasePath}");
        await connection.OpenAsync();
        var plans = new List<(string, List<string>)>();
        foreach (var sql in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
            {
                command.Parameters.AddWithValue(name, DBNull.Value); // The plan does not depend on the values.
            }

            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            plans.Add((sql, plan));
        }

        return plans;
    }

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Parameter();

    /// <summary>"SCAN Orders" reads the whole table; "SCAN ... USING (COVERING) INDEX" reads an index in order.</summary>
    [GeneratedRegex(@"^SCAN \w+$")]
    private static partial Regex TableScan();

    private sealed class SqlCapture(ConcurrentQueue<string> commands) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "commandText").Value is string sql
                && sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                commands.Enqueue(sql);
            }
        }

        public void Dispose()
        {
        }
    }
}
