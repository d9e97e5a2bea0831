using Xunit.Abstractions;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// Three real processes (tests/DomainWorker) on one database file, racing claims, charges, orders with and without
/// coupons, payments and admin restocks for the same few shoppers and products; then the invariants, by SQL.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ProcessRaceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_processes_racing_everything_keep_every_invariant_and_deliver_every_paid_order()
    {
        // Six shoppers for 24 loops in 3 processes: every shopper's claims and charges arrive through several processes.
        await using var shop = await MultiProcessShop.CreateAsync(shoppers: 6, balance: 2_000_000, campaignQuantities: [4, 30],
            products: 4, stock: 25);
        using var workers = await shop.StartWorkersAsync("Everything", processes: 3, tasks: 8, seconds: 5, name: "race");

        var figures = await workers.FinishAllAsync();

        foreach (var worker in figures)
        {
            output.WriteLine($"{worker.Worker}: {string.Join(", ", worker.Operations.Select(o => $"{o.Key} {o.Value.Count}"))}, errors {worker.Errors}");
            Assert.Equal(0, worker.Errors);
        }

        var acks = workers.Acknowledged;
        Assert.Contains(acks, a => a.StartsWith("pay ", StringComparison.Ordinal));
        Assert.Contains(acks, a => a.StartsWith("claim ", StringComparison.Ordinal));
        Assert.Contains(acks, a => a.StartsWith("restock ", StringComparison.Ordinal));
        // One shopper's acknowledged actions came through more than one process.
        Assert.Contains(workers.AcknowledgedByWorker
            .SelectMany(w => w.Value.Select(a => a.Split(' ')).Where(a => a[0] != "restock").Select(a => (Worker: w.Key, Shopper: a[2])))
            .GroupBy(a => a.Shopper), g => g.Select(a => a.Worker).Distinct().Count() > 1);
        await shop.AssertAftermathAsync(acks);
    }

    [Fact]
    public async Task Charges_from_three_processes_fill_wallets_to_the_cap_and_never_past_it()
    {
        const long start = 9_000_000;
        const long cap = 10_000_000;
        await using var shop = await MultiProcessShop.CreateAsync(shoppers: 2, balance: start, campaignQuantities: [], products: 0, stock: 0);
        using var workers = await shop.StartWorkersAsync("Charges", processes: 3, tasks: 6, seconds: 3, name: "cap");

        await workers.FinishAllAsync();

        await shop.AssertAftermathAsync(workers.Acknowledged);
        await using var harness = await shop.OpenAsync();
        foreach (var shopper in shop.Shoppers)
        {
            var charged = workers.Acknowledged.Select(a => a.Split(' ')).Where(a => a[0] == "charge" && a[2] == shopper).Sum(a => long.Parse(a[3]));
            var balance = await harness.Wallets.GetBalanceAsync(shopper);
            output.WriteLine($"{shopper}: {start:N0} + acknowledged {charged:N0} = {balance:N0}");
            Assert.Equal(start + charged, balance);
            Assert.InRange(balance, cap - 100_000 + 1, cap); // Charges come in ₩100,000 steps: the last step fits exactly.
        }
    }
}
