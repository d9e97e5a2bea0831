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

        await legacy.CarryOverAsync(db, ct);
        await db.Database.MigrateAsync(ct);
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
