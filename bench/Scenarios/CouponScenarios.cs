namespace ECommerce.Bench.Scenarios;

internal static class CouponScenarios
{
    /// <summary>Distinct shoppers claiming from one hot campaign that does not sell out during the run.</summary>
    public static async Task<ScenarioResult> ClaimAsync(BenchSize size)
    {
        await using var shop = await BenchShop.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 100_000_000);
        var refused = 0;
        shop.Statistics.Reset();

        var measured = await Load.RunAsync(size.Writers, size.Duration, warmUp: size.WarmUp, operation: async (w, i) =>
        {
            if (!(await shop.Coupons.ClaimAsync($"claimer-{w}-{i}", campaign)).IsSuccess)
            {
                Interlocked.Increment(ref refused);
            }

            return true;
        });

        var issued = (await shop.Coupons.GetAllCampaignsAsync()).Single().Issued;
        var holds = await shop.InvariantsHoldAsync() && refused == 0 && issued == measured.AllOperations;
        return new ScenarioResult("coupon-claim", measured, RetriesPerOp(shop, measured), holds, $"issued={issued}");
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

    internal static double RetriesPerOp(BenchShop shop, Measured measured) =>
        measured.Operations == 0 ? 0 : (double)shop.Statistics.Retries / measured.Operations;
}
