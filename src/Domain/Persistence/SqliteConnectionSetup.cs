using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL (set once, it is stored in the file) lets readers and a writer work
/// at once; synchronous=NORMAL is safe in WAL mode (an OS crash may lose the last commits, never corrupt);
/// busy_timeout makes a writer wait for another process's write lock instead of failing at once.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
