using Xunit.Abstractions;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// Three processes paying and claiming on one file: each gets a fair share of the work, and a payment's or claim's
/// p99 stays within the design's 500 ms (docs/concurrency.md, "Several processes"). Timings on a shared 2-core
/// machine swing with its load, so the bound is 500 ms or three times what one process alone answers in the same
/// run (three processes share the cores one had), whichever is larger.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FairnessTests(ITestOutputHelper output)
{
    private static readonly string[] Timed = ["pay", "claim"];

    [Fact]
    public async Task Three_processes_each_get_a_fair_share_and_answer_within_500_ms()
    {
        await using var shop = await MultiProcessShop.CreateAsync(shoppers: 300, balance: 5_000_000,
            campaignQuantities: [100_000, 100_000, 100_000, 100_000], products: 10, stock: 1_000_000);

        var alone = Assert.Single(await RunAsync(shop, processes: 1));
        var three = await RunAsync(shop, processes: 3);

        var done = three.ToDictionary(f => f.Worker, f => Timed.Sum(f.Completed));
        var total = done.Values.Sum();
        foreach (var worker in three)
        {
            Assert.True(done[worker.Worker] >= total / 3 / 2, $"{worker.Worker} did {done[worker.Worker]} of {total}: starved.");
            foreach (var kind in Timed)
            {
                var bound = Math.Max(500, 3 * alone.Operations[kind].P99);
                Assert.True(worker.Operations[kind].P99 <= bound, $"{worker.Worker}'s {kind} p99 is {worker.Operations[kind].P99:F0} ms, over {bound:F0} ms.");
            }
        }
    }

    private async Task<WorkerFigures[]> RunAsync(MultiProcessShop shop, int processes)
    {
        using var workers = await shop.StartWorkersAsync("PaymentsAndClaims", processes, tasks: 8, seconds: 4, name: $"p{processes}-");
        var figures = await workers.FinishAllAsync();

        var total = figures.Sum(f => Timed.Sum(f.Completed));
        foreach (var worker in figures)
        {
            output.WriteLine($"{worker.Worker}: share {100.0 * Timed.Sum(worker.Completed) / total:F1}%, " + string.Join(", ",
                Timed.Select(kind => worker.Operations[kind]).Zip(Timed, (o, kind) => $"{kind} n={o.Count} p50={o.P50:F0} ms p99={o.P99:F0} ms max={o.Max:F0} ms")));
        }

        await shop.AssertAftermathAsync(workers.Acknowledged);
        return figures;
    }
}
