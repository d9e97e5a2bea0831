using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Persistence;

public sealed class SchemaTests
{
    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)] // WAL is SQLite's journal.
    public async Task A_new_database_is_created_in_wal_mode_at_the_latest_version()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var db = await shop.OpenDbAsync();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await Scalar<string>(db, "PRAGMA journal_mode"));
        Assert.Equal(ShopSchema.Steps.Max(s => s.Version), await Scalar<long>(db, "SELECT \"Version\" FROM \"__ShopSchema\" WHERE \"Name\" = 'shop'"));
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
        var latest = ShopSchema.Steps.Max(s => s.Version);
        var applied = new List<int>();
        SchemaStep Step(int version) => new(version, $"step {version}", async (database, ct) =>
        {
            applied.Add(version);
            var sql = "CREATE TABLE \"Extra" + version + "\" (\"Id\" INTEGER PRIMARY KEY)";
            await database.ExecuteSqlRawAsync(sql, ct);
        });
        IReadOnlyList<SchemaStep> steps = [.. ShopSchema.Steps, Step(latest + 2), Step(latest + 1)];

        await using (var db = await shop.OpenDbAsync())
        {
            await SchemaMigrator.MigrateAsync(db, ShopSchema.Name, steps);
        }

        await using (var db = await shop.OpenDbAsync())
        {
            await SchemaMigrator.MigrateAsync(db, ShopSchema.Name, steps);
            await db.Database.OpenConnectionAsync();
            Assert.Equal(latest + 2, await Scalar<long>(db, "SELECT \"Version\" FROM \"__ShopSchema\" WHERE \"Name\" = 'shop'"));
            var tables = TestStore.IsPostgreSql
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'Extra%'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'Extra%'";
            Assert.Equal(2, await Scalar<long>(db, tables));
        }

        Assert.Equal([latest + 1, latest + 2], applied);
    }

    private static async Task<T> Scalar<T>(ShopDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        // SQLite answers integers as long, PostgreSQL as the column's own type (int for "Version").
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
