namespace ECommerce.Bench.Scenarios;

internal static class PaymentScenarios
{
    private const long Price = 1_000;

    /// <summary>Distinct shoppers paying orders of two lines over 10 hot products with ample stock.</summary>
    public static async Task<ScenarioResult> PayAsync(BenchSize size)
    {
        await using var shop = await BenchShop.StartAsync();
        var category = await shop.AddCategoryAsync("Hot");
        var products = new List<int>();
        for (var p = 0; p < 10; p++)
        {
            products.Add(await shop.AddProductAsync(category, Price, stock: 10_000_000));
        }

        // Enough placed orders for 8,000 payments a second over the warm-up and the run; the line says if they ran out.
        var perWorker = (int)(8_000 * (size.WarmUp + size.Duration).TotalSeconds / size.Writers) + 10;
        var orders = await PlaceOrdersAsync(shop, "hot", size.Writers, perWorker, (w, i) =>
        [
            new CartLine(products[(w + i) % 10], 1),
            new CartLine(products[(w + i + 3) % 10], 1),
        ]);

        var (measured, paid, refused) = await PayAllAsync(shop, size, orders);
        var holds = await shop.InvariantsHoldAsync() && refused == 0;
        var ranOut = orders.Sum(o => o.Count) == paid ? " orders_ran_out=1" : "";
        return new ScenarioResult("pay", measured, CouponScenarios.RetriesPerOp(shop, measured), holds, $"paid={paid}{ranOut} {CouponScenarios.MeanBatch(shop)}");
    }

    /// <summary>
    /// Payers racing for the last units of one product: each unit sells once, every other payer is refused.
    /// The race is measured from start to finish (no warm-up inside it: it would sell the units); the code
    /// is warmed up first by the same payments of a product with ample stock.
    /// </summary>
    public static async Task<ScenarioResult> LastUnitsAsync(BenchSize size)
    {
        await using var shop = await BenchShop.StartAsync();
        var category = await shop.AddCategoryAsync("Last");
        var perWorker = size.LastUnits * 3 / size.Writers + 1;
        var plenty = await shop.AddProductAsync(category, Price, stock: 10_000_000);
        await PayAllAsync(shop, size, await PlaceOrdersAsync(shop, "warm-up", size.Writers, perWorker, (_, _) => [new CartLine(plenty, 1)]), race: true);

        var product = await shop.AddProductAsync(category, Price, stock: size.LastUnits);
        var orders = await PlaceOrdersAsync(shop, "race", size.Writers, perWorker, (_, _) => [new CartLine(product, 1)]);
        var (measured, paid, refused) = await PayAllAsync(shop, size, orders, race: true);
        var stock = (await shop.Catalog.GetProductAsync(product)).Value!.Stock;
        var holds = await shop.InvariantsHoldAsync() && paid == size.LastUnits && stock == 0;
        return new ScenarioResult("pay-last-units", measured, CouponScenarios.RetriesPerOp(shop, measured), holds,
            $"sold={paid} refused={refused} stock_left={stock}");
    }

    /// <summary>
    /// Charges each worker's shopper (to the balance cap, once per scenario) and places its orders in advance,
    /// so the run measures payments only. <paramref name="batch"/> keeps the orders' request keys apart.
    /// </summary>
    private static async Task<List<int>[]> PlaceOrdersAsync(BenchShop shop, string batch, int workers, int perWorker,
        Func<int, int, CartLine[]> lines)
    {
        Console.Error.WriteLine($"  placing {workers * perWorker} orders");
        var orders = Enumerable.Range(0, workers).Select(_ => new List<int>(perWorker)).ToArray();
        await Load.RunAsync(workers, TimeSpan.FromHours(1), operation: async (w, i) =>
        {
            for (var charge = 0; i == 0 && charge < 10; charge++)
            {
                await shop.Wallets.ChargeAsync($"payer-{w}", 1_000_000, $"opening-{charge}");
            }

            if (i >= perWorker)
            {
                return false;
            }

            var placed = await shop.Orders.PlaceAsync($"payer-{w}", new PlaceOrder(lines(w, i), null, $"{batch}-{w}-{i}"));
            orders[w].Add(placed.Value?.Id ?? throw new InvalidOperationException(placed.ToString()));
            return true;
        });
        await shop.AnalyzeAsync();
        return orders;
    }

    /// <summary>Pays the placed orders for the scenario's duration or, in a race, every one of them start to finish.</summary>
    private static async Task<(Measured Measured, int Paid, int Refused)> PayAllAsync(
        BenchShop shop, BenchSize size, List<int>[] orders, bool race = false)
    {
        var (paid, refused) = (0, 0);
        shop.Statistics.Reset();
        var measured = await Load.RunAsync(size.Writers, race ? TimeSpan.FromMinutes(10) : size.Duration, warmUp: race ? TimeSpan.Zero : size.WarmUp, operation: async (w, i) =>
        {
            if (i >= orders[w].Count)
            {
                return false;
            }

            var result = await shop.Orders.PayAsync($"payer-{w}", orders[w][i]);
            Interlocked.Increment(ref result.IsSuccess ? ref paid : ref refused);
            return true;
        });
        return (measured, paid, refused);
    }
}
