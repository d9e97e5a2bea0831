using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL (set once, it is stored in the file) lets readers and a writer work
/// at once; synchronous=NORMAL is safe in WAL mode (an OS crash may lose the last commits, never corrupt);
/// busy_timeout makes a writer wait for another process's write lock instead of failing at once; the log is copied back
/// by <see cref="SqliteCheckpoints"/>, and a commit does it itself only past 10,000 pages (40 MB). They stay with the
/// physical connection, which the pool hands out again and again: set once per SQLite handle, not at every open (three
/// statements prepared and run for every search and unit of work, about 2% of small-box's processor time).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> SetUp = [];

    internal const string Pragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && SetUp.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            SetUp.AddOrUpdate(handle, handle);
        }
    }
}
