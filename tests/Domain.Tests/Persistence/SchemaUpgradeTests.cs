using System.Data.Common;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Persistence;

public sealed class SchemaUpgradeTests
{
    /// <summary>What version 2 added: taking it away from a new database leaves a version-1 database.</summary>
    private static readonly string[] Version2Objects =
    [
        "DROP TABLE \"AdminActions\"",
        "DROP INDEX \"IX_Orders_Status_CreatedAt\"",
        "DROP INDEX \"IX_Orders_Status_Total\"",
        "DROP INDEX \"IX_Orders_ShopperId_CreatedAt\"",
        "DROP INDEX \"IX_Orders_Total\"",
        "DROP INDEX \"IX_Outbox_State_Id\"",
        "DROP INDEX \"IX_IssuedCoupons_CampaignId_Used\"",
        "UPDATE \"__ShopSchema\" SET \"Version\" = 1 WHERE \"Name\" = 'shop'",
    ];

    [Fact]
    public async Task A_version_1_database_is_upgraded_to_equal_a_new_one_and_keeps_its_data()
    {
        await using var fresh = await ShopHarness.StartAsync();
        await using var old = await ShopHarness.StartAsync();
        var product = await old.AddProductAsync(stock: 7);
        await using (var db = await old.OpenDbAsync())
        {
            foreach (var sql in Version2Objects)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        var version1 = await DescribeAsync(old);
        await ShopSchema.MigrateAsync(old.Get<IDbContextFactory<ShopDbContext>>());

        Assert.DoesNotContain(version1, line => line.Contains("AdminActions", StringComparison.Ordinal));
        Assert.Equal(await DescribeAsync(fresh), await DescribeAsync(old));
        Assert.Equal(7, (await old.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.True((await old.Inventory.AdjustStockAsync(product.Id, 1, "after the upgrade", "ann")).IsSuccess);
        Assert.Equal(AdminActionKind.StockAdjusted, (await old.Get<ActivityLog>().GetPageAsync()).Items[0].Kind);
    }

    /// <summary>Every table's columns and every index's columns, uniqueness and filter, one line each, sorted.</summary>
    private static async Task<List<string>> DescribeAsync(ShopHarness shop)
    {
        await using var db = await shop.OpenDbAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var lines = new List<string>();
        foreach (var table in await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            lines.AddRange((await RowsAsync(connection, $"PRAGMA table_info(\"{table}\")")).Select(c => $"{table} column {c}"));
            foreach (var index in await RowsAsync(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var name = index.Split('|')[1];
                var columns = string.Join(",", await ColumnAsync(connection, $"SELECT name FROM pragma_index_info('{name}')"));
                var definition = await ColumnAsync(connection, $"SELECT IFNULL(sql, '') FROM sqlite_master WHERE name = '{name}'");
                var filter = definition.FirstOrDefault() is { } sql && sql.Contains(" WHERE ", StringComparison.Ordinal)
                    ? sql[sql.IndexOf(" WHERE ", StringComparison.Ordinal)..] : "";
                lines.Add($"{table} index {string.Join('|', index.Split('|').Skip(1))} on ({columns}){filter}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql) =>
        (await RowsAsync(connection, sql)).ToList();

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return rows;
    }
}
