using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// How releases before EF Core migrations versioned a context: a row (Name, Version) in "__ShopSchema" and a
/// <see cref="SchemaStep"/> per version. A database they made is brought to the last step with those steps, then
/// recorded as having the store's first migration applied (which creates exactly that schema), so EF Core's
/// migrations carry on from there. A database without such a row is left to the migrations alone.
/// </summary>
public sealed record LegacySchema(string Name, IReadOnlyList<SchemaStep> Steps)
{
    internal const string VersionTable = "__ShopSchema";

    internal async Task CarryOverAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await VersionTableExistsAsync(db, ct))
            {
                return;
            }

            // One transaction (on SQLite a write lock from its start): of two processes starting at once on an old
            // file, one carries it over and the other then finds no row left to carry.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = await db.Database
                .SqlQueryRaw<int>($"SELECT \"Version\" AS \"Value\" FROM \"{VersionTable}\" WHERE \"Name\" = {{0}}", Name)
                .ToListAsync(ct);
            if (version.Count == 0)
            {
                return;
            }

            foreach (var step in Steps.Where(s => s.Version > version[0]).OrderBy(s => s.Version))
            {
                await step.Apply(db.Database, ct);
            }

            await RecordFirstMigrationAsync(db, ct);
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{VersionTable}\" WHERE \"Name\" = {{0}}", [Name], ct);
            if (await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{VersionTable}\"").SingleAsync(ct) == 0)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{VersionTable}\"", ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task RecordFirstMigrationAsync(DbContext db, CancellationToken ct)
    {
        var first = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no migration to record for its legacy schema.");
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), ct);
    }

    private static async Task<bool> VersionTableExistsAsync(DbContext db, CancellationToken ct)
    {
        var sql = db.Database.IsSqlite()
            ? $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE \"type\" = 'table' AND \"name\" = '{VersionTable}'"
            : $"SELECT COUNT(*) AS \"Value\" FROM information_schema.tables WHERE table_name = '{VersionTable}'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct) > 0;
    }
}
