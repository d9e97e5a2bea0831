using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Brings a context's tables to the latest migration of its store (EF Core migrations; docs/schema.md). A
/// database an older release made (versioned in "__ShopSchema") is first carried over by its
/// <see cref="LegacySchema"/>. EF Core's migration lock lets several processes start on one database at once.
/// </summary>
public static class SchemaMigrator
{
    public static async Task MigrateAsync(DbContext db, LegacySchema legacy, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await PrepareSqliteFileAsync(db, ct);
        }

        if (db.Database.IsNpgsql())
        {
            await MigrateHoldingAdvisoryLockAsync(db, legacy, ct);
            return;
        }

        await legacy.CarryOverAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL EF Core's migration lock lasts one migration's transaction, so a process starting beside another
    /// could apply a later migration the other has just applied ("relation already exists"). A session advisory lock
    /// held around the whole run makes the second process wait, then find everything applied. Returning the
    /// connection to the pool (DISCARD ALL) releases the lock even if the unlock never ran.
    /// </summary>
    private static async Task MigrateHoldingAdvisoryLockAsync(DbContext db, LegacySchema legacy, CancellationToken ct)
    {
        const long migrationsLock = 0x53686F704D6967; // "ShopMig"
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({migrationsLock})", ct);
            await legacy.CarryOverAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({migrationsLock})", CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates the file's folder and turns WAL on (stored in the file) before the first table exists.</summary>
    private static async Task PrepareSqliteFileAsync(DbContext db, CancellationToken ct)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
