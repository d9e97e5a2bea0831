using System.Diagnostics;
using System.Reflection;
using ECommerce.Domain.Tests.MultiProcess;
using ECommerce.Domain.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>Real processes starting at the same moment on one fresh database all migrate it, and it is migrated once.</summary>
[Collection(ProcessCollection.Name)]
[Trait(TestStore.Trait, TestStore.SqliteOnly)] // The processes open the SQLite file they are given.
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
        var database = Path.Combine(folder, "shop.db");
        var signal = Path.Combine(folder, "start");
        var workers = new List<Process>();
        try
        {
            for (var n = 0; n < Processes; n++)
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var argument in new[] { WorkerDll, "migrate", database, signal })
                {
                    start.ArgumentList.Add(argument);
                }

                workers.Add(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
            }

            // Every process is up and waiting before any migrates, so they reach the fresh file together.
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)));
            }

            await File.WriteAllTextAsync(signal, "");
            foreach (var worker in workers)
            {
                var errors = worker.StandardError.ReadToEndAsync();
                Assert.Equal("migrated", await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)));
                await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
                Assert.True(worker.ExitCode == 0, $"A process failed to migrate: {await errors}");
            }

            await using var harness = await ShopHarness.StartAsync(folder: folder);
            await using var db = await harness.OpenDbAsync();
            Assert.Equal(db.Database.GetMigrations(), await SqliteFile.QueryAsync(database, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await harness.AddProductAsync(stock: 3);
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
            Directory.Delete(folder, recursive: true);
        }
    }
}
