using ECommerce.ApiLoad.Checks;
using ECommerce.ApiLoad.Http;
using ECommerce.ApiLoad.Measuring;

namespace ECommerce.ApiLoad.Scenarios;

/// <summary>
/// 5,000 shoppers hold an order for one unit of a product with 100 in stock and all pay at once: exactly 100
/// payments succeed, the stock ends at 0, and every refused payer (409) keeps their balance to the won.
/// The orders are placed before the clock starts; the race is the payments. A product with ample stock,
/// bought and paid by a few of them first, warms the place and pay paths up.
/// </summary>
internal static class LastUnits
{
    public const string Name = "last-units";
    private const long Price = 10_000;
    private const long Funds = 50_000;

    public static async Task<ScenarioLine> RunAsync(BenchRun run)
    {
        var size = run.Size;
        var payers = size.LastUnitsRange;
        await run.SignInAsync(payers);
        var floor = await run.FloorAsync(size.ClaimConnections);
        BenchShelf.Fund(run.Database, payers, Funds);
        using var api = new ShopApi(run.App, size.ClaimConnections);

        var plenty = BenchShelf.AddProducts(run.Database, "Last units warm-up", 1, Price, 1_000_000)[0];
        var warmUp = new Failures($"{Name} warm-up");
        var warmUpPayers = payers.Count / 20;
        var warmOrders = await PlaceAsync(run, api, plenty, new ShopperRange(payers.Start, payers.Start + warmUpPayers), warmUp);
        await Load.EachAsync(size.ClaimConnections, warmOrders.Length, async i =>
            warmUp.Check(await Pay(api, run, payers.Start + i, warmOrders[i]), "POST /api/orders/{id}/payment", 200));

        var product = BenchShelf.AddProducts(run.Database, "Last units", 1, Price, size.LastUnitsStock)[0];
        var placing = Stopwatch.StartNew();
        var orders = await PlaceAsync(run, api, product, payers, warmUp);
        var placedPerSecond = orders.Length / placing.Elapsed.TotalSeconds;
        var before = Balances(run.Database, payers);

        var latencies = new Latencies();
        var failures = new Failures(Name);
        var paid = 0;
        var refused = 0;
        var cpu = run.Cpu();
        cpu.Start();
        var seconds = await Load.EachAsync(size.ClaimConnections, orders.Length, async i =>
        {
            var reply = await Load.TimedAsync(latencies, () => Pay(api, run, payers.Start + i, orders[i]));
            if (failures.Check(reply, "POST /api/orders/{id}/payment", 200, 409))
            {
                Interlocked.Increment(ref reply.Status == 200 ? ref paid : ref refused);
            }
        });
        var spent = cpu.Stop(orders.Length);

        var broken = ShopChecks.Broken(run.Database).ToList();
        var stock = run.Database.Scalar("SELECT Stock FROM Products WHERE Id = $id", ("$id", product));
        var sold = run.Database.Scalar("""
            SELECT COALESCE(SUM(l.Quantity), 0) FROM OrderLines l JOIN Orders o ON o.Id = l.OrderId
            WHERE l.ProductId = $id AND o.Status = 'Paid'
            """, ("$id", product));
        if (stock != 0 || sold != size.LastUnitsStock || paid != size.LastUnitsStock)
        {
            broken.Add($"stock left {stock}, units sold {sold}, payments answered 200 {paid}; 0, {size.LastUnitsStock} and {size.LastUnitsStock} expected");
        }

        var after = Balances(run.Database, payers);
        var unchanged = payers.Numbers.Count(n => after[n] == before[n]);
        var debited = payers.Numbers.Count(n => after[n] == before[n] - Price);
        if (unchanged != payers.Count - size.LastUnitsStock || debited != size.LastUnitsStock)
        {
            broken.Add($"{unchanged} payers' balances unchanged and {debited} debited one unit's price; " +
                $"{payers.Count - size.LastUnitsStock} and {size.LastUnitsStock} expected");
        }

        return new ScenarioLine(Name, orders.Length / seconds, latencies.Percentile(0.50), latencies.Percentile(0.99),
            failures.Count + warmUp.Count, broken, floor,
            $"connections={size.ClaimConnections} placed_per_s={placedPerSecond:0} sold={sold} refused={refused} stock_left={stock} refused_payers_unchanged={unchanged} {spent}{run.Keys}");
    }

    /// <summary>Each shopper of <paramref name="shoppers"/> places an order for one unit; returns the order ids in shopper order.</summary>
    private static async Task<long[]> PlaceAsync(BenchRun run, ShopApi api, int product, ShopperRange shoppers, Failures failures)
    {
        var orders = new long[shoppers.Count];
        await Load.EachAsync(run.Size.ClaimConnections, shoppers.Count, async i =>
        {
            var reply = await api.PostAsync("/api/orders", run.Bearer(shoppers.Start + i),
                new { lines = new[] { new { productId = product, quantity = 1 } } }, run.IdempotencyKey($"last-units-{product}-{i}"));
            orders[i] = failures.Check(reply, "POST /api/orders", 201) ? reply.Long("id") : -1;
        });
        return orders;
    }

    private static Task<Reply> Pay(ShopApi api, BenchRun run, int shopper, long order) =>
        api.PostAsync($"/api/orders/{order}/payment", run.Bearer(shopper), idempotencyKey: run.IdempotencyKey($"pay-{order}"));

    private static Dictionary<int, long> Balances(ShopDatabase database, ShopperRange shoppers)
    {
        var wallets = database.Pairs("SELECT ShopperId, Balance FROM Wallets");
        return shoppers.Numbers.ToDictionary(n => n, n => wallets[BenchAccounts.ShopperId(n)]);
    }
}
