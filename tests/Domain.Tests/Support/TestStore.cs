using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Domain.Tests.Support;

/// <summary>
/// The store the domain tests run on: SQLite files by default; PostgreSQL when <c>SHOP_TEST_STORE=postgresql</c>,
/// on the server that <c>SHOP_TEST_POSTGRES</c> names (a connection string, e.g. <c>scripts/postgres.sh url</c>).
/// Each test's shop is a database of its own there, copied from a template that has the tables already
/// (CREATE DATABASE … TEMPLATE copies a small database faster than creating its tables), dropped at the end.
/// On SQLite likewise each new test file is a copy of one file migrated once per run.
/// A test's folder records which database it is, so that a second shop over the same folder (a neighbour
/// process, a worker) finds the same database.
/// </summary>
internal static class TestStore
{
    public const string Trait = "Store";

    /// <summary>Trait value of a test that is about SQLite itself (its file, its locks, its query plans): not run on PostgreSQL.</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Trait value of a test about PostgreSQL itself (LISTEN/NOTIFY between instances): not run on SQLite.</summary>
    public const string PostgreSqlOnly = "PostgreSqlOnly";

    /// <summary>Trait value of a test that opens no database (the folder sink's files): it runs once, in the SQLite run.</summary>
    public const string NoDatabase = "NoDatabase";

    private const string DatabaseFile = "postgres-database.txt";

    public static readonly DatabaseProvider Provider =
        string.Equals(Environment.GetEnvironmentVariable("SHOP_TEST_STORE"), "postgresql", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    private static readonly Lazy<NpgsqlConnectionStringBuilder> Server = new(() => new NpgsqlConnectionStringBuilder(
        Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("SHOP_TEST_STORE=postgresql needs SHOP_TEST_POSTGRES, a connection string (scripts/postgres.sh url).")));

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);

    /// <summary>The connection string of the shop in <paramref name="folder"/>; a new, empty shop when the folder has none yet.</summary>
    public static async Task<string> ConnectionStringAsync(string folder)
    {
        if (!IsPostgreSql)
        {
            var path = Path.Combine(folder, "shop.db");
            if (!File.Exists(path))
            {
                File.Copy(await SqliteTemplate.Value, path);
            }

            return $"Data Source={path}";
        }

        var file = Path.Combine(folder, DatabaseFile);
        if (!File.Exists(file))
        {
            var name = $"shop_test_{Guid.NewGuid():N}";
            await ExecuteAsync($"""CREATE DATABASE "{name}" TEMPLATE "{await Template.Value}" """);
            await File.WriteAllTextAsync(file, name);
        }

        return ConnectionString(await File.ReadAllTextAsync(file));
    }

    /// <summary>Settings that point a shop at the database of <paramref name="folder"/>.</summary>
    public static async Task<Dictionary<string, string?>> SettingsAsync(string folder) => new()
    {
        ["Shop:Database:Provider"] = Provider.ToString(),
        ["Shop:Database:ConnectionString"] = await ConnectionStringAsync(folder),
    };

    /// <summary>Drops the folder's database (SQLite: the file goes with the folder).</summary>
    public static async Task DeleteAsync(string folder)
    {
        var file = Path.Combine(folder, DatabaseFile);
        if (IsPostgreSql && File.Exists(file))
        {
            var name = await File.ReadAllTextAsync(file);
            using (var pooled = new NpgsqlConnection(ConnectionString(name)))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
            return;
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// The test's database on the server. The races without group commit send hundreds of units at once, each on its own
    /// connection and queued on one hot row's lock: on the shared two cores (load average 40 to 65) the wait for a pooled
    /// connection passed Npgsql's default 15 s, and a queued UPDATE its default 30 s command timeout.
    /// </summary>
    private static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server.Value.ConnectionString) { Database = database, Timeout = 120, CommandTimeout = 120 }
            .ConnectionString;

    /// <summary>Once per test run: a database with the current tables, which every test's database copies.</summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"shop_template_{Guid.NewGuid():N}";
        await ExecuteAsync($"""CREATE DATABASE "{name}" """);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Database:Provider"] = nameof(DatabaseProvider.PostgreSQL),
                ["Shop:Database:ConnectionString"] = ConnectionString(name),
            })
            .Build();
        await using (var services = new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider())
        {
            await ShopSchema.MigrateAsync(services.GetRequiredService<IDbContextFactory<ShopDbContext>>());
        }

        // A template must have no connections while it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""").GetAwaiter().GetResult();
        return name;
    }

    /// <summary>
    /// Once per test run: a file migrated as the app migrates at start, which every test's new file copies. Copying
    /// takes well under a millisecond, migrating a new file a few hundred on this machine (docs/schema.md).
    /// </summary>
    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("shop-template-").FullName;
        var path = Path.Combine(folder, "shop.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shop:Database:ConnectionString"] = $"Data Source={path}" })
            .Build();
        await using (var services = new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider())
        {
            await services.MigrateShopAsync();
        }

        // The template's own connection closes, so its write-ahead log is folded into the file before any copy.
        using (var pooled = new SqliteConnection($"Data Source={path}"))
        {
            SqliteConnection.ClearPool(pooled);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return path;
    }

    private static async Task ExecuteAsync(string sql)
    {
        // Pooling off: the maintenance connection must not linger on a database about to be copied or dropped.
        var builder = new NpgsqlConnectionStringBuilder(Server.Value.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
