using ECommerce.ApiLoad.Checks;
using ECommerce.ApiLoad.Http;
using ECommerce.ApiLoad.Measuring;

namespace ECommerce.ApiLoad.Scenarios;

/// <summary>
/// 1,000 shoppers at once, each on a connection of their own, browse a page of the catalog, place an order
/// of two lines and pay it, over and over (five rounds in the full run). Reported per step (mean and p99)
/// and for the whole flow; ops_per_s is paid orders per second. Products have ample stock and shoppers ample
/// funds, so any answer but 200/201 is a failure. small-box is the same flow against the app held to one
/// core and 1 GB (bench/api.sh starts it so).
/// </summary>
internal static class OrderFlow
{
    private const long Price = 1_000;
    private const int Products = 10;

    public static async Task<ScenarioLine> RunAsync(BenchRun run, string name, ShopperRange shoppers)
    {
        var size = run.Size;
        await run.SignInAsync(shoppers);
        var floor = await run.FloorAsync(shoppers.Count);
        BenchShelf.Fund(run.Database, shoppers, 10_000_000);
        var products = BenchShelf.AddProducts(run.Database, $"Flow {name}", Products, Price, 10_000_000);
        var category = run.Database.Scalar("SELECT CategoryId FROM Products WHERE Id = $id", ("$id", products[0]));
        using var api = new ShopApi(run.App, shoppers.Count);
        var flow = new ShopperFlow(name, run, api, category, products);

        var warmUp = new FlowSteps();
        // Rounds of every shopper's flow once, numbered after the measured ones (each round's keys are its own).
        var warmedUp = await WarmUp.RunAsync(run, name, round =>
            Load.EachAsync(shoppers.Count, shoppers.Count, i => flow.RunAsync(shoppers.Start + i, size.FlowRounds + round, warmUp)));

        var steps = new FlowSteps();
        var cpu = run.Cpu();
        cpu.Start();
        var seconds = await Load.EachAsync(shoppers.Count, shoppers.Count, async i =>
        {
            for (var round = 0; round < size.FlowRounds; round++)
            {
                await flow.RunAsync(shoppers.Start + i, round, steps);
            }
        });
        var spent = cpu.Stop(steps.Paid);

        var broken = ShopChecks.Broken(run.Database).ToList();
        var paidInDatabase = run.Database.Scalar($"""
            SELECT COUNT(*) FROM Orders o WHERE o.Status = 'Paid'
            AND EXISTS (SELECT 1 FROM OrderLines l WHERE l.OrderId = o.Id AND l.ProductId IN ({string.Join(",", products)}))
            """);
        if (paidInDatabase != steps.Paid + warmUp.Paid)
        {
            broken.Add($"{paidInDatabase} paid orders in the database, {steps.Paid + warmUp.Paid} payments answered 200");
        }

        var extra = string.Create(CultureInfo.InvariantCulture,
            $"shoppers={shoppers.Count} paid={steps.Paid} " +
            $"browse_mean_ms={steps.Browse.Mean:0.0} browse_p99_ms={steps.Browse.Percentile(0.99):0.0} " +
            $"place_mean_ms={steps.Place.Mean:0.0} place_p99_ms={steps.Place.Percentile(0.99):0.0} " +
            $"pay_mean_ms={steps.Pay.Mean:0.0} pay_p99_ms={steps.Pay.Percentile(0.99):0.0} {spent} {warmedUp}{run.Keys}");
        return new ScenarioLine(name, steps.Paid / seconds, steps.Whole.Percentile(0.50), steps.Whole.Percentile(0.99),
            flow.Failures.Count, broken, floor, extra);
    }
}
