using ECommerce.ApiLoad.Checks;
using ECommerce.ApiLoad.Http;
using ECommerce.ApiLoad.Measuring;

namespace ECommerce.ApiLoad.Scenarios;

/// <summary>
/// Every shopper claims one coupon of a hot campaign at once (10,000 shoppers, 1,000 coupons in the full run):
/// exactly the quantity is issued, no shopper twice, every other claim is refused with 409. Claims per second
/// count refusals too. Smaller rushes first, each on a campaign of its own, warm the claim path up (<see cref="WarmUp"/>).
/// </summary>
internal static class ClaimRush
{
    public const string Name = "claim-rush";

    public static async Task<ScenarioLine> RunAsync(BenchRun run)
    {
        var size = run.Size;
        var shoppers = new ShopperRange(0, size.Shoppers);
        await run.SignInAsync(shoppers);
        var floor = await run.FloorAsync(size.ClaimConnections);
        using var api = new ShopApi(run.App, size.ClaimConnections);

        // Each round is a rush of its own on a campaign a tenth the size, claimed by a quarter of the shoppers (the next
        // quarter each round): coupons are issued, then refused. With the warm-up's rest after every round a shopper
        // claims at most every 2 s, five times in the shop's 10 s window, and the rush's claim is never the eleventh.
        var warmUpFailures = new Failures($"{Name} warm-up");
        var quarter = size.Shoppers / 4;
        var warmedUp = await WarmUp.RunAsync(run, Name, async round =>
        {
            var body = ShopApi.Json(new { couponCode = BenchShelf.AddCampaign(run.Database, size.ClaimCoupons / 10) });
            await Load.EachAsync(size.ClaimConnections, quarter, async n =>
                warmUpFailures.Check(await Claim(api, run, (round % 4 * quarter) + n, body), "POST /api/coupons/claim", 201, 409));
        });

        var code = BenchShelf.AddCampaign(run.Database, size.ClaimCoupons);
        var body = ShopApi.Json(new { couponCode = code });
        var latencies = new Latencies();
        var failures = new Failures(Name);
        var issued = 0;
        var refused = 0;
        var cpu = run.Cpu();
        cpu.Start();
        var seconds = await Load.EachAsync(size.ClaimConnections, size.Shoppers, async n =>
        {
            var reply = await Load.TimedAsync(latencies, () => Claim(api, run, n, body));
            if (failures.Check(reply, "POST /api/coupons/claim", 201, 409))
            {
                Interlocked.Increment(ref reply.Status == 201 ? ref issued : ref refused);
            }
        });
        var spent = cpu.Stop(size.Shoppers);

        var broken = ShopChecks.Broken(run.Database).ToList();
        var campaign = run.Database.Scalar("SELECT Id FROM CouponCampaigns WHERE Code = $code", ("$code", code));
        var rows = run.Database.Scalar("SELECT COUNT(*) FROM IssuedCoupons WHERE CampaignId = $id", ("$id", campaign));
        var holders = run.Database.Scalar("SELECT COUNT(DISTINCT ShopperId) FROM IssuedCoupons WHERE CampaignId = $id", ("$id", campaign));
        if (rows != size.ClaimCoupons || holders != rows || issued != rows)
        {
            broken.Add($"{rows} coupons in the database for {holders} shoppers, {issued} claims answered 201; {size.ClaimCoupons} expected of each");
        }

        return new ScenarioLine(Name, size.Shoppers / seconds, latencies.Percentile(0.50), latencies.Percentile(0.99),
            failures.Count, broken, floor, $"connections={size.ClaimConnections} issued={rows} refused={refused} {spent} {warmedUp}");
    }

    private static Task<Reply> Claim(ShopApi api, BenchRun run, int shopper, byte[] body) =>
        api.PostAsync("/api/coupons/claim", run.Bearer(shopper), body);
}
