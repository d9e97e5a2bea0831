using ECommerce.Domain.Tests.Support;
using Xunit.Abstractions;

namespace ECommerce.Domain.Tests.Concurrency;

public sealed class WalletRaceTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task A_hundred_charges_and_payments_on_one_wallet_keep_balance_equal_to_the_ledger(TransactionShape shape, bool groupCommit)
    {
        await using var shop = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        var product = await shop.AddProductAsync(price: 3_000, stock: 1_000);
        await shop.ChargeAsync("ann", 10_000);
        var orders = new List<OrderView>();
        for (var i = 0; i < 50; i++)
        {
            orders.Add(await shop.PlaceAsync("ann", product.Id));
        }

        // Even: a charge of 1,000. Odd: a payment of 3,000, which succeeds only while the balance lasts.
        shop.Statistics.Reset();
        var results = await Race.RunAsync(100, async i => i % 2 == 0
            ? (await shop.Wallets.ChargeAsync("ann", 1_000, $"charge-{i}")).Map(r => (Kind: "charge", r.Amount))
            : (await shop.Orders.PayAsync("ann", orders[i / 2].Id)).Map(r => (Kind: "payment", Amount: -r.AmountPaid)));

        output.WriteLine($"{shape}, group commit {groupCommit}: {shop.Statistics}");
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.InsufficientBalance, r.Error!.Code));
        Assert.Equal(50, results.Count(r => r.IsSuccess && r.Value.Kind == "charge"));
        var expected = 10_000 + results.Where(r => r.IsSuccess).Sum(r => r.Value.Amount);
        Assert.Equal(expected, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.True(results.Count(r => r.IsSuccess && r.Value.Kind == "payment") >= 3, "The opening balance pays at least three orders.");
        var ledger = await shop.QueryAsync(db => db.WalletLedger.Where(e => e.ShopperId == "ann").OrderBy(e => e.Id).ToListAsync());
        Assert.All(ledger, e => Assert.True(e.BalanceAfter >= 0));
        // Replaying the ledger in commit order reproduces every recorded balance: no change was lost.
        var running = 0L;
        Assert.All(ledger, e => Assert.Equal(running += e.Amount, e.BalanceAfter));
        await shop.AssertInvariantsAsync();
    }
}
