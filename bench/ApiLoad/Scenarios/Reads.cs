using ECommerce.ApiLoad.Checks;
using ECommerce.ApiLoad.Http;
using ECommerce.ApiLoad.Measuring;

namespace ECommerce.ApiLoad.Scenarios;

/// <summary>
/// Catalog searches (category, keyword, price range, in stock, each sort, several pages) and the top-5 over
/// the API at 64 connections, four searches to one top-5, each signed in as a shopper. Before the load, one
/// search's total is checked against the database's own count of the same products.
/// </summary>
internal static class Reads
{
    public const string Name = "reads";

    private static readonly string[] Sorts = ["PriceLowToHigh", "PriceHighToLow", "Name", "Newest"];
    private static readonly string[] Keywords = ["mug", "lamp", "chair", "kettle", "desk 1", "watch 2"];

    public static async Task<ScenarioLine> RunAsync(BenchRun run)
    {
        var size = run.Size;
        var connections = size.ReadConnections;
        var shoppers = new ShopperRange(0, connections);
        await run.SignInAsync(shoppers);
        var floor = await run.FloorAsync(connections);
        var products = BenchShelf.AddProducts(run.Database, "Reads", size.CatalogProducts, 5_000, 50);
        var category = run.Database.Scalar("SELECT CategoryId FROM Products WHERE Id = $id", ("$id", products[0]));
        using var api = new ShopApi(run.App, connections);

        var broken = new List<string>();
        var sample = await api.GetAsync($"/api/products?category={category}&keyword=lamp&page=1&pageSize=20", run.Bearer(0));
        var counted = run.Database.Scalar(
            "SELECT COUNT(*) FROM Products WHERE CategoryId = $category AND SearchName LIKE '%lamp%'", ("$category", category));
        if (sample.Status != 200 || sample.Long("total") != counted)
        {
            broken.Add($"a search for 'lamp' answered {sample.Status} {sample.Text[..Math.Min(200, sample.Text.Length)]}; the database counts {counted}");
        }

        var catalog = new Latencies();
        var top = new Latencies();
        var failures = new Failures(Name);
        var warmedUp = await WarmUp.RunAsync(run, Name, _ =>
            Load.ForAsync(connections, size.FloorDuration / 2, (worker, i) => ReadAsync(api, run.Bearer(worker), category, worker, i, new(), new(), failures)));
        var cpu = run.Cpu();
        cpu.Start();
        var seconds = await Load.ForAsync(connections, size.ReadDuration, (worker, i) => ReadAsync(api, run.Bearer(worker), category, worker, i, catalog, top, failures));

        var reads = catalog.Count + top.Count;
        var spent = cpu.Stop(reads);
        broken.AddRange(ShopChecks.Broken(run.Database));
        var extra = string.Create(CultureInfo.InvariantCulture,
            $"connections={connections} products={products.Count} catalog_p50_ms={catalog.Percentile(0.5):0.0} " +
            $"catalog_p99_ms={catalog.Percentile(0.99):0.0} top5_p50_ms={top.Percentile(0.5):0.0} top5_p99_ms={top.Percentile(0.99):0.0} {spent} {warmedUp}");
        return new ScenarioLine(Name, reads / seconds, Math.Max(catalog.Percentile(0.5), top.Percentile(0.5)),
            Math.Max(catalog.Percentile(0.99), top.Percentile(0.99)), failures.Count, broken, floor, extra);
    }

    private static async Task ReadAsync(ShopApi api, string bearer, long category, int worker, int i,
        Latencies catalog, Latencies top, Failures failures)
    {
        if (i % 5 == 4)
        {
            failures.Check(await Load.TimedAsync(top, () => api.GetAsync("/api/products/top", bearer)), "GET /api/products/top", 200);
            return;
        }

        var n = worker + i;
        var query = (n % 4) switch
        {
            0 => $"category={category}&sort={Sorts[n % Sorts.Length]}&page={1 + n % 10}",
            1 => $"keyword={Uri.EscapeDataString(Keywords[n % Keywords.Length])}&sort={Sorts[(n / 4) % Sorts.Length]}",
            2 => $"minPrice=1000&maxPrice=200000&inStock=true&sort=PriceLowToHigh&page={1 + n % 5}",
            _ => $"category={category}&keyword={Uri.EscapeDataString(Keywords[n % Keywords.Length])}&inStock=true",
        };
        failures.Check(await Load.TimedAsync(catalog, () => api.GetAsync($"/api/products?{query}&pageSize=20", bearer)), "GET /api/products", 200);
    }
}
