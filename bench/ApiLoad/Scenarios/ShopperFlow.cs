using ECommerce.ApiLoad.Http;
using ECommerce.ApiLoad.Measuring;

namespace ECommerce.ApiLoad.Scenarios;

/// <summary>One shopper's browse, place and pay, timed step by step.</summary>
internal sealed class ShopperFlow(string name, BenchRun run, ShopApi api, long category, IReadOnlyList<int> products)
{
    public Failures Failures { get; } = new(name);

    public async Task RunAsync(int shopper, int round, FlowSteps steps)
    {
        var bearer = run.Bearer(shopper);
        var begun = Stopwatch.GetTimestamp();
        var page = 1 + ((shopper + round) & 1);
        var browse = await Load.TimedAsync(steps.Browse, () =>
            api.GetAsync($"/api/products?category={category}&sort=PriceLowToHigh&page={page}&pageSize=5", bearer));
        if (!Failures.Check(browse, "GET /api/products", 200))
        {
            return;
        }

        var first = products[(shopper + round) % products.Count];
        var second = products[(shopper + round + 3) % products.Count];
        var lines = new[] { new { productId = first, quantity = 1 }, new { productId = second, quantity = 2 } };
        var key = $"{name}-{shopper}-{round}";
        var placed = await Load.TimedAsync(steps.Place, () => api.PostAsync("/api/orders", bearer, new { lines }, run.IdempotencyKey(key)));
        if (!Failures.Check(placed, "POST /api/orders", 201))
        {
            return;
        }

        var order = placed.Long("id");
        var paid = await Load.TimedAsync(steps.Pay, () => api.PostAsync($"/api/orders/{order}/payment", bearer, idempotencyKey: run.IdempotencyKey(key + "-pay")));
        if (Failures.Check(paid, "POST /api/orders/{id}/payment", 200))
        {
            steps.CountPaid();
            steps.Whole.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
        }
    }
}
