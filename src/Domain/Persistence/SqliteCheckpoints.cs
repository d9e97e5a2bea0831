using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Copies an SQLite file's write-ahead log back into the database in the background, every <see cref="Interval"/>,
/// so that a commit only appends to the log. Left to SQLite, the commit that takes the log past its limit copies it
/// back itself, inside the write lock, while every other writer waits: with order-flow's batches that was nearly every
/// second commit, a quarter of the time the write lock was held (docs/performance.md, "Checkpoints off the write path").
/// A passive checkpoint waits for no reader or writer, and copies what no reader still needs; the connections' own
/// limit (<see cref="SqliteConnectionSetup.Pragmas"/>) stays as a backstop for a process that runs without this service.
/// </summary>
internal sealed class SqliteCheckpoints(IOptions<DatabaseOptions> database, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.SqliteFile is null)
        {
            return;
        }

        await using var connection = new SqliteConnection(database.Value.ConnectionString);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (connection.State != ConnectionState.Open)
                    {
                        await connection.OpenAsync(stoppingToken);
                    }

                    await checkpoint.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    // Another process checkpointing the same file at this moment, or a file the next commit cannot
                    // reach either: the next round tries again, and SQLite's own limit still holds meanwhile.
                    logger.LogDebug(e, "Checkpoint skipped");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
