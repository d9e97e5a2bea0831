using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Persistence;

public sealed class SchemaTests
{
    [Fact]
    public async Task A_new_database_is_created_in_wal_mode_at_the_latest_version()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var db = await shop.OpenDbAsync();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await Scalar<string>(db, "PRAGMA journal_mode"));
        Assert.Equal(2, await Scalar<long>(db, "SELECT \"Version\" FROM \"__ShopSchema\" WHERE \"Name\" = 'shop'"));
    }

    [Fact]
    public async Task Migrating_again_keeps_the_data_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 7);

        await ShopSchema.MigrateAsync(shop.Get<IDbContextFactory<ShopDbContext>>());

        Assert.Equal(7, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
    }

    [Fact]
    public async Task An_older_database_gets_each_newer_step_once_in_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var applied = new List<int>();
        SchemaStep Step(int version) => new(version, $"step {version}", async (database, ct) =>
        {
            applied.Add(version);
            var sql = "CREATE TABLE \"Extra" + version + "\" (\"Id\" INTEGER PRIMARY KEY)";
            await database.ExecuteSqlRawAsync(sql, ct);
        });
        IReadOnlyList<SchemaStep> steps = [Step(4), Step(3), Step(2)];

        await using (var db = await shop.OpenDbAsync())
        {
            await SchemaMigrator.MigrateAsync(db, ShopSchema.Name, steps);
        }

        await using (var db = await shop.OpenDbAsync())
        {
            await SchemaMigrator.MigrateAsync(db, ShopSchema.Name, steps);
            await db.Database.OpenConnectionAsync();
            Assert.Equal(4, await Scalar<long>(db, "SELECT \"Version\" FROM \"__ShopSchema\" WHERE \"Name\" = 'shop'"));
            Assert.Equal(2, await Scalar<long>(db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('Extra3', 'Extra4')"));
        }

        // The new database is at version 2 already: only the steps after it run.
        Assert.Equal([3, 4], applied);
    }

    private static async Task<T> Scalar<T>(ShopDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
