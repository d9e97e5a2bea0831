using Xunit.Abstractions;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// Two processes paying orders on one file, one of them killed with SIGKILL at a random moment again and again and
/// restarted on the same file. Nothing a process acknowledged before dying may be missing afterwards, the file must
/// be intact, and the outbox must still deliver every paid order.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class CrashLoopTests(ITestOutputHelper output)
{
    private const int Kills = 10;

    [Fact]
    public async Task Processes_killed_under_payment_load_lose_nothing_they_acknowledged()
    {
        await using var shop = await MultiProcessShop.CreateAsync(shoppers: 20, balance: 3_000_000, campaignQuantities: [],
            products: 6, stock: 100_000);
        var plan = shop.WritePlan("Payments", tasks: 6, seconds: 0); // Until killed.
        var running = new[] { WorkerProcess.Start(plan, "crash-a"), WorkerProcess.Start(plan, "crash-b") };
        using var workers = new WorkerGroup(running);
        var random = new Random(13);
        var killed = 0;
        while (killed < Kills)
        {
            // Under load: every process has acknowledged payments of its own (a restarted one has warmed up), so
            // the kill always lands on two processes paying, and never leaves two cold ones that may need more
            // than a minute on a loaded machine to pay at all (main's code failed that way as often as this one).
            await WaitUntilAsync(() => running.All(PaysAlready), TimeSpan.FromMinutes(3));
            await Task.Delay(random.Next(50, 600));
            var slot = random.Next(running.Length);
            var victim = running[slot];
            victim.Kill();
            killed++;
            running[slot] = WorkerProcess.Start(plan, victim.Name);
            workers.Add(running[slot]);
        }

        foreach (var survivor in running)
        {
            survivor.Kill();
        }

        // A last clean run delivers what the killed dispatchers left leased or pending.
        var drain = WorkerProcess.Start(shop.WritePlan("Payments", tasks: 1, seconds: 1), "drain");
        workers.Add(drain);
        await drain.FinishAsync(TimeSpan.FromMinutes(1));

        var acks = workers.Acknowledged;
        output.WriteLine($"{killed} kills survived; {acks.Count(a => a.StartsWith("pay ", StringComparison.Ordinal))} payments and " +
                         $"{acks.Count(a => a.StartsWith("charge ", StringComparison.Ordinal))} charges acknowledged");
        Assert.Equal(Kills, killed);
        await shop.AssertAftermathAsync(acks);
    }

    private static bool PaysAlready(WorkerProcess worker) =>
        worker.Acknowledged.Any(a => a.StartsWith("pay ", StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The worker acknowledged no payment in time.");
            await Task.Delay(20);
        }
    }
}
