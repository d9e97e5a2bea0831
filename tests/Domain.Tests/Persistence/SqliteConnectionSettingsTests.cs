using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>
/// SQLite's per-connection settings are set once per pooled connection, not at every open: a connection the pool
/// hands out again still has them.
/// </summary>
[Trait(TestStore.Trait, TestStore.SqliteOnly)]
public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task A_connection_opened_again_from_the_pool_keeps_its_settings()
    {
        await using var shop = await ShopHarness.StartAsync();
        for (var open = 0; open < 3; open++)
        {
            await using var db = await shop.OpenDbAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal((10_000L, 1L, 1L, 10_000L), (await PragmaAsync(db, "busy_timeout"), await PragmaAsync(db, "synchronous"),
                await PragmaAsync(db, "foreign_keys"), await PragmaAsync(db, "wal_autocheckpoint")));
        }
    }

    [Fact]
    public async Task Foreign_keys_are_enforced_on_a_reused_connection()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using (var first = await shop.OpenDbAsync())
        {
            await first.Database.OpenConnectionAsync();
        }

        await using var db = await shop.OpenDbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """INSERT INTO "OrderLines" ("OrderId", "ProductId", "ProductName", "UnitPrice", "Quantity") VALUES (999999, 999999, 'x', 1, 1)""";
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync());
    }

    private static async Task<long> PragmaAsync(ShopDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
