using ECommerce.Domain.Persistence.Migrations.PostgreSql;
using ECommerce.Domain.Persistence.Migrations.Sqlite;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ECommerce.Domain.Tests.Persistence;

public sealed class SchemaTests
{
    [Fact]
    public async Task A_new_database_has_every_migration_of_its_store_applied()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var db = await shop.OpenDbAsync();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)] // WAL is SQLite's journal.
    public async Task A_new_sqlite_file_is_in_wal_mode_without_the_legacy_version_table()
    {
        await using var shop = await ShopHarness.StartAsync();

        Assert.Equal(["wal"], await SqliteFile.QueryAsync(shop.DatabasePath, "PRAGMA journal_mode"));
        Assert.Empty(await SqliteFile.QueryAsync(shop.DatabasePath, "SELECT \"name\" FROM sqlite_master WHERE \"name\" = '__ShopSchema'"));
    }

    /// <summary>
    /// Release 4 made a new database from the model (CreateTables); the migrations make the very same tables and
    /// indexes. The first migration was taken from release 4's model, the later ones each add what the model gained
    /// (a column added to a table lands last, where the entity declares it).
    /// </summary>
    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)] // Release 4 was SQLite only.
    public async Task The_migrations_create_exactly_the_schema_the_model_creates_as_release_4_did()
    {
        await using var shop = await ShopHarness.StartAsync();
        var release4 = Path.Combine(shop.Folder, "release-4.db");
        await using (var db = new SqliteShopDbContext(new DbContextOptionsBuilder<SqliteShopDbContext>().UseSqlite($"Data Source={release4}").Options))
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal("InitialSchema", (await Migrations(shop))[0].Split('_', 2)[1]);
        Assert.Equal(await SqliteFile.DescribeAsync(release4), await SqliteFile.DescribeAsync(shop.DatabasePath));
    }

    [Fact]
    public async Task Migrating_again_keeps_the_data_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 7);

        await ShopSchema.MigrateAsync(shop.Get<IDbContextFactory<ShopDbContext>>());

        Assert.Equal(7, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        await using var db = await shop.OpenDbAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)] // The legacy versions only ever were in SQLite files.
    public async Task An_old_database_gets_each_newer_legacy_step_once_in_order_then_is_recorded_at_the_first_migration()
    {
        await using var shop = await ShopHarness.StartAsync();
        // Made old: the legacy record at version 2, and none of what later migrations added.
        await SqliteFile.ExecuteAsync(shop.DatabasePath, """
            DROP TABLE "__EFMigrationsHistory";
            DROP TABLE "IdempotentRequests";
            ALTER TABLE "Outbox" DROP COLUMN "TraceParent";
            CREATE TABLE "__ShopSchema" ("Name" VARCHAR(100) PRIMARY KEY, "Version" INTEGER NOT NULL);
            INSERT INTO "__ShopSchema" VALUES ('shop', 2), ('storefront', 1);
            """);
        var applied = new List<int>();
        SchemaStep Step(int version) => new(version, $"step {version}", (_, _) =>
        {
            applied.Add(version);
            return Task.CompletedTask;
        });
        var legacy = new LegacySchema("shop", [Step(4), Step(2), Step(3)]);

        for (var start = 0; start < 2; start++)
        {
            await using var db = await shop.OpenDbAsync();
            await SchemaMigrator.MigrateAsync(db, legacy);
        }

        Assert.Equal([3, 4], applied);
        Assert.Equal(await Migrations(shop), await SqliteFile.QueryAsync(shop.DatabasePath, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""));
        // The storefront's row waits for the storefront's own carry-over.
        Assert.Equal(["storefront"], await SqliteFile.QueryAsync(shop.DatabasePath, "SELECT \"Name\" FROM \"__ShopSchema\""));
    }

    /// <summary>CI fails here when an entity or its configuration changed and nobody ran `dotnet ef migrations add` (docs/schema.md).</summary>
    [Fact]
    public async Task Every_change_of_the_model_is_covered_by_a_migration_on_each_store()
    {
        await using var sqlite = new SqliteShopDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(),
            "The shop's model has changes no SQLite migration covers: add one (docs/schema.md).");
        await using var postgreSql = new PostgreSqlShopDesignTimeFactory().CreateDbContext([]);
        Assert.False(postgreSql.Database.HasPendingModelChanges(),
            "The shop's model has changes no PostgreSQL migration covers: add one (docs/schema.md).");
    }

    private static async Task<List<string>> Migrations(ShopHarness shop)
    {
        await using var db = await shop.OpenDbAsync();
        return [.. db.Database.GetMigrations()];
    }
}
