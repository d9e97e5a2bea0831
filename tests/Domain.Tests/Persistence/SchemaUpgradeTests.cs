using System.Text.RegularExpressions;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>A database made by an earlier release, upgraded by <see cref="ShopSchema.Steps"/>, ends like a new one and keeps its data.</summary>
// SQLite only: the old release was an SQLite file; PostgreSQL had no release before this one.
[Trait(TestStore.Trait, TestStore.SqliteOnly)]
public sealed partial class SchemaUpgradeTests
{
    [Fact]
    public async Task A_release_1_database_is_upgraded_to_the_current_model_and_keeps_its_data()
    {
        await using var fresh = await ShopHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("shop-upgrade-").FullName;
        try
        {
            var oldFile = Path.Combine(folder, "shop.db");
            await using (var old = new SqliteConnection($"Data Source={oldFile}"))
            {
                await old.OpenAsync();
                await ExecuteAsync(old, ReadSchema("shop-v1.sql"));
                await ExecuteAsync(old, """
                    CREATE TABLE "__ShopSchema" ("Name" VARCHAR(100) PRIMARY KEY, "Version" INTEGER NOT NULL);
                    INSERT INTO "__ShopSchema" VALUES ('shop', 1);
                    INSERT INTO "Wallets" ("ShopperId", "Balance", "Version") VALUES ('ann', 5000, 1);
                    INSERT INTO "WalletLedger" ("ShopperId", "Kind", "Amount", "BalanceAfter", "CreatedAt", "IdempotencyKey")
                        VALUES ('ann', 'Charge', 5000, 5000, '2026-11-01 10:00:00', 'first');
                    """);
            }

            await using var upgraded = await ShopHarness.StartAsync(folder: folder);
            await ShopSchema.MigrateAsync(upgraded.Get<IDbContextFactory<ShopDbContext>>());

            Assert.Equal(await DescribeAsync(fresh), await DescribeAsync(upgraded));
            Assert.Equal(ShopSchema.Steps.Max(s => s.Version), await upgraded.QueryAsync(db =>
                db.Database.SqlQueryRaw<int>("SELECT \"Version\" AS \"Value\" FROM \"__ShopSchema\" WHERE \"Name\" = 'shop'").SingleAsync()));
            Assert.Equal(5_000, await upgraded.Wallets.GetBalanceAsync("ann"));
            var again = await upgraded.Wallets.ChargeAsync("ann", 1_000, "first");
            Assert.Equal(ErrorCode.IdempotencyKeyReused, again.Error!.Code);

            // What the later versions added works on the upgraded file.
            var product = await upgraded.AddProductAsync(stock: 7, name: "Kettle");
            Assert.True((await upgraded.Inventory.AdjustStockAsync(product.Id, 1, "after the upgrade", "ann")).IsSuccess);
            Assert.Equal(AdminActionKind.StockAdjusted, (await upgraded.Get<ActivityLog>().GetPageAsync()).Items[0].Kind);
            Assert.Equal("Kettle", (await upgraded.Catalog.SearchAsync(new CatalogQuery(Keyword: "kettle"))).Value!.Items.Single().Name);
            await upgraded.AssertInvariantsAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ReadSchema(string name)
    {
        using var stream = typeof(SchemaUpgradeTests).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every table and index with its definition, whitespace folded, in name order.</summary>
    private static Task<List<string>> DescribeAsync(ShopHarness shop) => shop.QueryAsync(async db =>
        (await db.Database
            .SqlQueryRaw<string>("SELECT \"type\" || ' ' || \"sql\" AS \"Value\" FROM sqlite_master WHERE \"sql\" IS NOT NULL ORDER BY \"name\"")
            .ToListAsync())
        .Select(sql => Whitespace().Replace(sql, " ").Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal))
        .ToList());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
