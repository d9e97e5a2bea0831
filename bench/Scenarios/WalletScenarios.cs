namespace ECommerce.Bench.Scenarios;

internal static class WalletScenarios
{
    /// <summary>Charges of ₩1, each with its own idempotency key: on distinct wallets, or all on one (hot).</summary>
    public static async Task<ScenarioResult> ChargeAsync(BenchSize size, bool hot)
    {
        await using var shop = await BenchShop.StartAsync();
        var refused = 0;
        shop.Statistics.Reset();

        var measured = await Load.RunAsync(size.Writers, size.Duration, warmUp: size.WarmUp, operation: async (w, i) =>
        {
            var shopper = hot ? "hot-wallet" : $"wallet-{w}";
            if (!(await shop.Wallets.ChargeAsync(shopper, 1, $"charge-{w}-{i}")).IsSuccess)
            {
                Interlocked.Increment(ref refused);
            }

            return true;
        });

        var total = 0L;
        for (var w = 0; w < (hot ? 1 : size.Writers); w++)
        {
            total += await shop.Wallets.GetBalanceAsync(hot ? "hot-wallet" : $"wallet-{w}");
        }

        var holds = await shop.InvariantsHoldAsync() && refused == 0 && total == measured.AllOperations;
        return new ScenarioResult(hot ? "charge-hot" : "charge", measured, CouponScenarios.RetriesPerOp(shop, measured), holds,
            $"charged={total}");
    }
}
