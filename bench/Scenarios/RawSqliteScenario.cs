using Microsoft.Data.Sqlite;

namespace ECommerce.Bench.Scenarios;

/// <summary>
/// The floor: bare Microsoft.Data.Sqlite, one conditional one-row UPDATE per transaction, one thread, with the
/// app's journal and pragmas. What the disk and SQLite allow here, before any domain work.
/// </summary>
internal static class RawSqliteScenario
{
    public const string Name = "raw-sqlite";

    public static async Task<ScenarioResult> RunAsync(BenchSize size)
    {
        var folder = Directory.CreateTempSubdirectory("shop-bench-raw-").FullName;
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "raw.db")}");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;" +
                                "CREATE TABLE Counters (Id INTEGER PRIMARY KEY, Value INTEGER NOT NULL, Version INTEGER NOT NULL);" +
                                "INSERT INTO Counters VALUES (1, 0, 0);");
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE Counters SET Value = Value + 1, Version = Version + 1 WHERE Id = 1 AND Version = $version";
            var version = update.Parameters.Add("$version", SqliteType.Integer);
            update.Prepare();
            long expected = 0;

            var measured = await Load.RunAsync(1, size.Duration, warmUp: size.WarmUp, operation: (_, _) =>
            {
                using var transaction = connection.BeginTransaction();
                update.Transaction = transaction;
                version.Value = expected;
                if (update.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException("The version token did not match.");
                }

                transaction.Commit();
                expected++;
                return Task.FromResult(true);
            });

            using var check = connection.CreateCommand();
            check.CommandText = "SELECT Value = Version AND Value = $n FROM Counters";
            check.Parameters.AddWithValue("$n", measured.AllOperations);
            var holds = Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            return new ScenarioResult(Name, measured, 0, holds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
