using System.IO.Compression;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>
/// A database made by an earlier release is carried over to the migrations on first start: brought to the last
/// legacy step, recorded at the first migration, and then it is like a new database and keeps every row.
/// </summary>
// SQLite only: the old releases were SQLite files; PostgreSQL had no release before the migrations.
[Trait(TestStore.Trait, TestStore.SqliteOnly)]
public sealed class SchemaUpgradeTests
{
    [Fact]
    public async Task A_release_1_database_is_upgraded_to_the_current_model_and_keeps_its_data()
    {
        await using var fresh = await ShopHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("shop-upgrade-").FullName;
        try
        {
            var oldFile = Path.Combine(folder, "shop.db");
            await SqliteFile.ExecuteAsync(oldFile, ReadResource("shop-v1.sql"));
            await SqliteFile.ExecuteAsync(oldFile, """
                CREATE TABLE "__ShopSchema" ("Name" VARCHAR(100) PRIMARY KEY, "Version" INTEGER NOT NULL);
                INSERT INTO "__ShopSchema" VALUES ('shop', 1);
                INSERT INTO "Wallets" ("ShopperId", "Balance", "Version") VALUES ('ann', 5000, 1);
                INSERT INTO "WalletLedger" ("ShopperId", "Kind", "Amount", "BalanceAfter", "CreatedAt", "IdempotencyKey")
                    VALUES ('ann', 'Charge', 5000, 5000, '2026-11-01 10:00:00', 'first');
                """);

            await using var upgraded = await ShopHarness.StartAsync(folder: folder);
            await ShopSchema.MigrateAsync(upgraded.Get<IDbContextFactory<ShopDbContext>>());

            Assert.Equal(await SqliteFile.DescribeAsync(fresh.DatabasePath), await SqliteFile.DescribeAsync(oldFile));
            Assert.Empty(await upgraded.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
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

    /// <summary>
    /// Releases/shop-release-3.db.gz is the very file release 3 (commit 909a029) made: its storefront started on an
    /// empty file and seeded the demo data (accounts, catalog, campaigns, paid orders), then was stopped.
    /// </summary>
    [Fact]
    public async Task A_file_of_release_3_is_carried_over_on_first_start_without_losing_a_row()
    {
        await using var fresh = await ShopHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("shop-release-3-").FullName;
        try
        {
            var file = Path.Combine(folder, "shop.db");
            await using (var packed = new GZipStream(OpenResource("shop-release-3.db.gz"), CompressionMode.Decompress))
            await using (var unpacked = File.Create(file))
            {
                await packed.CopyToAsync(unpacked);
            }

            Assert.Equal(["shop|3", "storefront|1"], await SqliteFile.QueryAsync(file, "SELECT \"Name\" || '|' || \"Version\" FROM \"__ShopSchema\" ORDER BY 1"));
            var before = await SqliteFile.ReadAllRowsAsync(file);
            Assert.True(before["Orders"].Count > 0 && before["AspNetUsers"].Count > 0, "The release-3 file should hold the seeded demo data.");

            await using var upgraded = await ShopHarness.StartAsync(folder: folder);
            await ShopSchema.MigrateAsync(upgraded.Get<IDbContextFactory<ShopDbContext>>());

            Assert.Equal(await SqliteFile.DescribeAsync(fresh.DatabasePath),
                (await SqliteFile.DescribeAsync(file)).Where(IsShopTable).ToList());
            var after = await SqliteFile.ReadAllRowsAsync(file);
            Assert.Equal(before.Keys.Order(), after.Keys.Where(before.ContainsKey).Order());
            foreach (var (table, rows) in before)
            {
                // Release 4 added "IssuedCoupons"."ReservedUntil" and a later migration "Outbox"."TraceParent", each as the
                // last column: the columns release 3 had are unchanged.
                Assert.Equal(rows, after[table].Select(row => table is "IssuedCoupons" or "Outbox" ? row[..row.LastIndexOf('|')] : row));
            }

            Assert.Equal(["storefront"], await SqliteFile.QueryAsync(file, "SELECT \"Name\" FROM \"__ShopSchema\""));
            Assert.Empty(await upgraded.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));

            // New writes work on the carried-over file: a shopper of release 3 tops up, buys and pays.
            upgraded.Clock.Advance(DateTimeOffset.UtcNow - upgraded.Clock.GetUtcNow());
            var shopper = (await SqliteFile.QueryAsync(file, "SELECT \"ShopperId\" FROM \"Wallets\" ORDER BY \"ShopperId\" LIMIT 1")).Single();
            var balance = await upgraded.Wallets.GetBalanceAsync(shopper);
            await upgraded.ChargeAsync(shopper, 500_000);
            var productId = int.Parse((await SqliteFile.QueryAsync(file, "SELECT \"Id\" FROM \"Products\" WHERE \"Stock\" > 0 ORDER BY \"Id\" LIMIT 1")).Single(),
                System.Globalization.CultureInfo.InvariantCulture);
            var order = await upgraded.PlaceAsync(shopper, productId);
            Assert.True((await upgraded.Orders.PayAsync(shopper, order.Id)).IsSuccess);
            Assert.Equal(balance + 500_000 - order.Total, await upgraded.Wallets.GetBalanceAsync(shopper));
            Assert.Equal(before["Orders"].Count + 1, (await SqliteFile.ReadAllRowsAsync(file))["Orders"].Count);
            await upgraded.AssertInvariantsAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The storefront's tables (accounts, carts) are carried over by the storefront itself, not by the shop.</summary>
    private static bool IsShopTable(string definition) =>
        !definition.Contains("\"AspNet", StringComparison.Ordinal) && !definition.Contains("\"CartItems\"", StringComparison.Ordinal);

    private static Stream OpenResource(string name) =>
        typeof(SchemaUpgradeTests).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded.");

    private static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }
}
