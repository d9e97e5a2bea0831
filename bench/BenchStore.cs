using Microsoft.Data.Sqlite;
using Npgsql;

namespace ECommerce.Bench;

/// <summary>
/// The store the benchmark runs on (<c>--store sqlite|postgresql</c>). On PostgreSQL, <c>SHOP_BENCH_POSTGRES</c> is the
/// server's connection string (bench/run.sh starts a throwaway server when it is not set), and each shop of a
/// scenario is a new database there, dropped afterwards.
/// </summary>
internal static class BenchStore
{
    public static DatabaseProvider Provider { get; private set; } = DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    /// <summary>The name of the store's bare-driver floor (one conditional update per transaction).</summary>
    public static string RawName => IsPostgreSql ? "raw-postgresql" : "raw-sqlite";

    private static string Server => Environment.GetEnvironmentVariable("SHOP_BENCH_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("--store postgresql needs SHOP_BENCH_POSTGRES, a connection string (bench/run.sh sets it).");

    /// <summary>Reads <c>--store</c>; returns an error sentence for an unknown store.</summary>
    public static string? Choose(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--store");
        if (at < 0)
        {
            return null;
        }

        var store = at + 1 < args.Count ? args[at + 1] : "";
        if (store.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!store.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return $"Unknown store \"{store}\"; use --store sqlite or --store postgresql.";
        }

        Provider = DatabaseProvider.PostgreSQL;
        _ = Server;
        return null;
    }

    /// <summary>A new, empty database in <paramref name="folder"/> (SQLite) or on the server (PostgreSQL): its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string folder, string file = "shop.db")
    {
        if (!IsPostgreSql)
        {
            return $"Data Source={Path.Combine(folder, file)}";
        }

        var name = $"shop_bench_{Guid.NewGuid():N}";
        await ExecuteAsync($"""CREATE DATABASE "{name}" """);
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        if (!IsPostgreSql)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
