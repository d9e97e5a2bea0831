using System.Diagnostics;
using System.Reflection;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>
/// Real processes starting at the same moment on one fresh database (an SQLite file, or an empty PostgreSQL
/// database: <see cref="TestStore"/>) all migrate it, and each migration is applied once (EF Core's migration lock).
/// </summary>
[Collection(MultiProcess.ProcessCollection.Name)]
public sealed class ConcurrentStartTests
{
    private const int Processes = 3;

    private static readonly string WorkerDll = Path.Combine(
        typeof(ConcurrentStartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DomainWorkerOutput").Value!,
        "ECommerce.DomainWorker.dll");

    [Fact]
    public async Task Processes_starting_together_on_a_fresh_database_all_succeed_and_apply_each_migration_once()
    {
        var folder = Directory.CreateTempSubdirectory("shop-concurrent-start-").FullName;
        var signal = Path.Combine(folder, "start");
        var emptyDatabase = TestStore.IsPostgreSql ? $"shop_concurrent_{Guid.NewGuid():N}" : null;
        var connectionString = emptyDatabase is null
            ? $"Data Source={Path.Combine(folder, "shop.db")}"
            : await CreatePostgreSqlDatabaseAsync(emptyDatabase);
        var workers = new List<Process>();
        try
        {
            for (var n = 0; n < Processes; n++)
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var argument in new[] { WorkerDll, "migrate", TestStore.Provider.ToString(), connectionString, signal })
                {
                    start.ArgumentList.Add(argument);
                }

                workers.Add(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
            }

            // Every process is up and waiting before any migrates, so they reach the fresh database together.
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)));
            }

            await File.WriteAllTextAsync(signal, "");
            foreach (var worker in workers)
            {
                var errors = worker.StandardError.ReadToEndAsync();
                var said = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
                Assert.True(said == "migrated" && worker.ExitCode == 0, $"A process failed to migrate: {await errors}");
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Database:Provider"] = TestStore.Provider.ToString(),
                ["Shop:Database:ConnectionString"] = connectionString,
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider();
            await using (var db = await services.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync())
            {
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations().Count(), await db.Database
                    .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync());
            }

            Assert.True((await services.GetRequiredService<InventoryService>().AddCategoryAsync("After the start")).IsSuccess);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }

            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (emptyDatabase is not null)
            {
                await ExecuteOnServerAsync($"""DROP DATABASE IF EXISTS "{emptyDatabase}" WITH (FORCE)""");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An empty database, not a copy of the test template: the processes are to create the tables.</summary>
    private static async Task<string> CreatePostgreSqlDatabaseAsync(string name)
    {
        await ExecuteOnServerAsync($"""CREATE DATABASE "{name}" """);
        return new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES")) { Database = name }.ConnectionString;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES")) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
