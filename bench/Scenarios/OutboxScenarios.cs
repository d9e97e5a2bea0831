using ECommerce.Domain.DataPlatform;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Bench.Scenarios;

/// <summary>
/// Four dispatchers, as four processes would run them (each its own shop over the one database), draining a backlog of
/// order-paid messages into a sink that only counts. What is measured is the lease: how the dispatchers share the
/// backlog. On PostgreSQL <c>outbox-drain</c> leases with <c>FOR UPDATE SKIP LOCKED</c> and <c>outbox-drain-two-step</c>
/// with the portable read-then-conditional-UPDATE that SQLite uses, in the same run.
/// </summary>
internal static class OutboxScenarios
{
    private const int Dispatchers = 4;

    public static Task<ScenarioResult> DrainAsync(BenchSize size) => RunAsync(size, "outbox-drain", skipLocked: true);

    public static Task<ScenarioResult> DrainTwoStepAsync(BenchSize size) => RunAsync(size, "outbox-drain-two-step", skipLocked: false);

    private static async Task<ScenarioResult> RunAsync(BenchSize size, string name, bool skipLocked)
    {
        var messages = size == BenchSize.Quick ? 4_000 : 40_000;
        var sink = new CountingSink();
        void CountInto(IServiceCollection services) => services.AddSingleton<IDataPlatformSink>(sink);
        await using var first = await BenchShop.StartAsync(services: CountInto);
        var shops = new List<BenchShop> { first };
        try
        {
            for (var n = 1; n < Dispatchers; n++)
            {
                shops.Add(await BenchShop.StartAsync(folder: first.Folder, connectionString: first.ConnectionString, services: CountInto));
            }

            await SeedAsync(first, messages);
            foreach (var shop in shops)
            {
                shop.Get<OutboxDispatcher>().LeaseSkippingLocked = skipLocked;
            }

            var delivered = 0;
            var measured = await Load.RunAsync(Dispatchers, TimeSpan.FromMinutes(5), operation: async (w, _) =>
            {
                var (sent, _) = await shops[w].Get<OutboxDispatcher>().DispatchDueAsync();
                Interlocked.Add(ref delivered, sent);
                if (sent == 0 && Volatile.Read(ref delivered) < messages)
                {
                    // Found nothing it could lease: a real dispatcher waits for its next poll; here a short pause.
                    await Task.Delay(5);
                }

                return Volatile.Read(ref delivered) < messages;
            });

            var holds = delivered == messages && sink.Keys.Count == messages && await first.InvariantsHoldAsync();
            return new ScenarioResult(name, measured with { Operations = delivered }, 0, holds,
                $"messages={messages} dispatchers={Dispatchers} sent_twice={sink.Sent - sink.Keys.Count}");
        }
        finally
        {
            foreach (var shop in shops.Skip(1))
            {
                await shop.DisposeAsync();
            }
        }
    }

    /// <summary>A backlog of due messages, written by SQL in one statement.</summary>
    private static async Task SeedAsync(BenchShop shop, int count)
    {
        await using var db = await shop.Get<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        var (now, payload) = (DateTime.UtcNow.AddSeconds(-1), "{}");
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "Outbox" ("Type", "IdempotencyKey", "Payload", "CreatedAt", "State", "Attempts", "NextAttemptAt")
            SELECT 'bench', 'bench-' || i, {payload}, {now}, 'Pending', 0, {now} FROM n
            """);
    }

    private sealed class CountingSink : IDataPlatformSink
    {
        private int _sent;

        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Keys { get; } = new();
        public int Sent => _sent;

        public Task SendAsync(DataPlatformMessage message, CancellationToken ct)
        {
            Interlocked.Increment(ref _sent);
            Keys[message.IdempotencyKey] = true;
            return Task.CompletedTask;
        }
    }
}
