using ECommerce.Domain.Tests.Support;
using Xunit.Abstractions;

namespace ECommerce.Domain.Tests.Concurrency;

public sealed class PaymentRaceTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task Two_hundred_shoppers_paying_for_the_last_50_units_sell_exactly_50(TransactionShape shape, bool groupCommit)
    {
        await using var shop = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        var product = await shop.AddProductAsync(price: 10_000, stock: 50);
        var campaign = await shop.AddCampaignAsync(quantity: 200, value: 1_000);
        var orders = new Dictionary<string, OrderView>();
        for (var i = 0; i < 200; i++)
        {
            var shopper = $"shopper-{i}";
            await shop.ChargeAsync(shopper, 20_000);
            var coupon = (await shop.Coupons.ClaimAsync(shopper, campaign.Id)).Value!;
            orders[shopper] = await shop.PlaceAsync(shopper, product.Id, 1, coupon.Id);
        }

        shop.Statistics.Reset();
        var results = await Race.RunAsync(200, i => shop.Orders.PayAsync($"shopper-{i}", orders[$"shopper-{i}"].Id));

        output.WriteLine($"{shape}, group commit {groupCommit}: {shop.Statistics}");
        Assert.Equal(50, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.OutOfStock, r.Error!.Code));
        Assert.Equal(0, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(50, await shop.QueryAsync(db => db.Orders.CountAsync(o => o.Status == OrderStatus.Paid)));
        for (var i = 0; i < 200; i++)
        {
            var shopper = $"shopper-{i}";
            var paid = results[i].IsSuccess;
            Assert.Equal(paid ? 11_000 : 20_000, await shop.Wallets.GetBalanceAsync(shopper));
            var coupon = (await shop.Coupons.GetMyCouponsAsync(shopper)).Single();
            Assert.Equal(paid ? CouponState.Used : CouponState.Reserved, coupon.State);
            Assert.Equal(orders[shopper].Id, coupon.OrderId);
        }

        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task Paying_one_order_from_20_calls_at_once_charges_once(TransactionShape shape, bool groupCommit)
    {
        await using var shop = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        var product = await shop.AddProductAsync(price: 7_000, stock: 5);
        await shop.ChargeAsync("ann", 100_000);
        var order = await shop.PlaceAsync("ann", product.Id, 2);

        shop.Statistics.Reset();
        var results = await Race.RunAsync(20, _ => shop.Orders.PayAsync("ann", order.Id));

        output.WriteLine($"{shape}, group commit {groupCommit}: {shop.Statistics}");
        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Single(results, r => !r.Value!.AlreadyPaid);
        Assert.Equal(86_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(1, await shop.QueryAsync(db => db.WalletLedger.CountAsync(e => e.Kind == LedgerEntryKind.Payment)));
        Assert.Equal(1, await shop.QueryAsync(db => db.Payments.CountAsync()));
        Assert.Equal(1, await shop.QueryAsync(db => db.Outbox.CountAsync()));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task Two_processes_paying_for_the_last_units_never_oversell(TransactionShape shape, bool groupCommit)
    {
        await using var first = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        await using var second = await first.StartNeighbourAsync(shape, groupCommit);
        var product = await first.AddProductAsync(price: 1_000, stock: 30);
        var orders = new List<OrderView>();
        for (var i = 0; i < 100; i++)
        {
            await first.ChargeAsync($"shopper-{i}", 5_000);
            orders.Add(await first.PlaceAsync($"shopper-{i}", product.Id));
        }

        first.Statistics.Reset();
        second.Statistics.Reset();
        var results = await Race.RunAsync(100, i => (i % 2 == 0 ? first : second).Orders.PayAsync($"shopper-{i}", orders[i].Id));

        output.WriteLine($"{shape}, group commit {groupCommit}: first {first.Statistics}; second {second.Statistics}");
        Assert.Equal(30, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.OutOfStock, r.Error!.Code));
        Assert.Equal(0, (await second.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        await first.AssertInvariantsAsync();
    }
}
