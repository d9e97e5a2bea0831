using System.Globalization;

namespace ECommerce.Bench.Scenarios;

internal static class CouponScenarios
{
    /// <summary>
    /// The shopper making worker <paramref name="worker"/>'s claim number <paramref name="iteration"/>. The raw floor
    /// inserts the very same ids: where a batch's new coupons land in the shopper-led unique index (how many pages one
    /// commit writes) is the workload's, not the ORM's, so the floor must not get a kinder spread.
    /// </summary>
    internal static string Claimer(int worker, int iteration) => $"claimer-{worker}-{iteration}";

    /// <summary>Distinct shoppers claiming from one hot campaign that does not sell out during the run.</summary>
    public static async Task<ScenarioResult> ClaimAsync(BenchSize size)
    {
        await using var shop = await BenchShop.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 100_000_000);
        var refused = 0;
        shop.Statistics.Reset();

        var measured = await Load.RunAsync(size.Writers, size.Duration, warmUp: size.WarmUp, operation: async (w, i) =>
        {
            if (!(await shop.Coupons.ClaimAsync(Claimer(w, i), campaign)).IsSuccess)
            {
                Interlocked.Increment(ref refused);
            }

            return true;
        });

        var issued = (await shop.Coupons.GetAllCampaignsAsync()).Single().Issued;
        var holds = await shop.InvariantsHoldAsync() && refused == 0 && issued == measured.AllOperations;
        return new ScenarioResult("coupon-claim", measured, RetriesPerOp(shop, measured), holds, $"issued={issued} {MeanBatch(shop)}");
    }

    /// <summary>The same flood after the campaign sold out: how fast the shop says no.</summary>
    public static async Task<ScenarioResult> SoldOutAsync(BenchSize size)
    {
        const int quantity = 100;
        await using var shop = await BenchShop.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity);
        for (var i = 0; i < quantity; i++)
        {
            await shop.Coupons.ClaimAsync($"early-{i}", campaign);
        }

        var wrongAnswers = 0;
        shop.Statistics.Reset();
        var measured = await Load.RunAsync(size.Writers, size.Duration, warmUp: size.WarmUp, operation: async (w, i) =>
        {
            var result = await shop.Coupons.ClaimAsync($"late-{w}-{i}", campaign);
            if (result.Error?.Code != ErrorCode.CouponSoldOut)
            {
                Interlocked.Increment(ref wrongAnswers);
            }

            return true;
        });

        var issued = (await shop.Coupons.GetAllCampaignsAsync()).Single().Issued;
        var holds = await shop.InvariantsHoldAsync() && wrongAnswers == 0 && issued == quantity;
        return new ScenarioResult("coupon-soldout", measured, RetriesPerOp(shop, measured), holds, $"issued={issued}");
    }

    /// <summary>How many commands a group-committed batch held on average, warm-up included.</summary>
    internal static string MeanBatch(BenchShop shop) => string.Create(CultureInfo.InvariantCulture,
        $"mean_batch={(shop.Statistics.Batches == 0 ? 0 : (double)shop.Statistics.BatchedCommands / shop.Statistics.Batches):0.0}");

    internal static double RetriesPerOp(BenchShop shop, Measured measured) =>
        measured.Operations == 0 ? 0 : (double)shop.Statistics.Retries / measured.Operations;
}
