using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Brings a context's tables to the current version. A new database gets the current model's tables at
/// once; an existing one gets each <see cref="SchemaStep"/> newer than the version it records, in order.
/// The version of each context lives in "__ShopSchema". See docs/schema.md for why not EF migrations.
/// </summary>
public static class SchemaMigrator
{
    private const string VersionTable = "__ShopSchema";

    public static async Task MigrateAsync(DbContext db, string schemaName, IReadOnlyList<SchemaStep> steps,
        CancellationToken ct = default)
    {
        var latest = steps.Count == 0 ? 1 : steps.Max(s => s.Version);
        PrepareSqliteFile(db);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            }

            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TABLE IF NOT EXISTS \"{VersionTable}\" (\"Name\" VARCHAR(100) PRIMARY KEY, \"Version\" INTEGER NOT NULL)", ct);

            // One transaction: two processes starting at once cannot both create or upgrade the tables.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var current = await db.Database
                .SqlQueryRaw<int>($"SELECT \"Version\" AS \"Value\" FROM \"{VersionTable}\" WHERE \"Name\" = {{0}}", schemaName)
                .ToListAsync(ct);

            if (current.Count == 0)
            {
                await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
                await db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO \"{VersionTable}\" (\"Name\", \"Version\") VALUES ({{0}}, {{1}})", [schemaName, latest], ct);
            }
            else
            {
                foreach (var step in steps.Where(s => s.Version > current[0]).OrderBy(s => s.Version))
                {
                    await step.Apply(db.Database, ct);
                    await db.Database.ExecuteSqlRawAsync(
                        $"UPDATE \"{VersionTable}\" SET \"Version\" = {{0}} WHERE \"Name\" = {{1}}", [step.Version, schemaName], ct);
                }
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void PrepareSqliteFile(DbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
