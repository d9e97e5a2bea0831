using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Concurrency;

/// <summary>
/// Charges and payments that queue together are decided in one batch (see CommandBatcher), each seeing what
/// the ones before it did, exactly as one at a time would.
/// </summary>
public sealed class BatchedChargeAndPaymentTests
{
    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task Charges_of_one_wallet_in_one_batch_stop_at_the_balance_cap_in_arrival_order(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        for (var i = 0; i < 9; i++)
        {
            await shop.ChargeAsync("ann", 1_000_000);
        }

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Wallets.ChargeAsync("ann", 600_000, "a"),
            () => shop.Wallets.ChargeAsync("ann", 300_000, "b"),
            () => shop.Wallets.ChargeAsync("ann", 200_000, "c"),
            () => shop.Wallets.ChargeAsync("ann", 100_000, "d"));

        Assert.Equal(["ok", "ok", "BalanceCapExceeded", "ok"], outcomes.Codes());
        Assert.Equal([9_600_000L, 9_900_000L], outcomes.Take(2).Select(o => o.Value!.Balance));
        Assert.Equal(9_900_000, outcomes[2].Error!.CurrentValue);
        Assert.Equal(10_000_000, await shop.Wallets.GetBalanceAsync("ann"));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task The_same_request_key_twice_in_one_batch_charges_once(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        await shop.ChargeAsync("ann", 1_000);

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Wallets.ChargeAsync("ann", 5_000, "double-click"),
            () => shop.Wallets.ChargeAsync("ann", 5_000, "double-click"),
            () => shop.Wallets.ChargeAsync("ann", 7_000, "double-click"),
            () => shop.Wallets.ChargeAsync("bob", 5_000, "double-click"));

        Assert.Equal(new ChargeReceipt(5_000, 6_000, AlreadyApplied: false), outcomes[0].Value);
        Assert.Equal(new ChargeReceipt(5_000, 6_000, AlreadyApplied: true), outcomes[1].Value);
        Assert.Equal(ErrorCode.IdempotencyKeyReused, outcomes[2].Error!.Code);
        Assert.Equal(new ChargeReceipt(5_000, 5_000, AlreadyApplied: false), outcomes[3].Value);
        Assert.Equal(6_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(2, (await shop.Wallets.GetLedgerAsync("ann")).TotalCount);
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task Payments_in_one_batch_sell_the_last_units_to_the_first_payers(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var product = await shop.AddProductAsync(price: 1_000, stock: 2);
        var orders = new List<OrderView>();
        foreach (var shopper in new[] { "ann", "bob", "cat" })
        {
            await shop.ChargeAsync(shopper, 5_000);
            orders.Add(await shop.PlaceAsync(shopper, product.Id));
        }

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Orders.PayAsync("ann", orders[0].Id),
            () => shop.Orders.PayAsync("bob", orders[1].Id),
            () => shop.Orders.PayAsync("cat", orders[2].Id));

        Assert.Equal(["ok", "ok", "OutOfStock"], outcomes.Codes());
        Assert.Equal(0, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(5_000, await shop.Wallets.GetBalanceAsync("cat"));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task Payments_of_one_wallet_in_one_batch_see_each_others_debits(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var product = await shop.AddProductAsync(price: 6_000, stock: 10);
        await shop.ChargeAsync("ann", 10_000);
        var first = await shop.PlaceAsync("ann", product.Id);
        var second = await shop.PlaceAsync("ann", product.Id);

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Orders.PayAsync("ann", first.Id),
            () => shop.Orders.PayAsync("ann", first.Id),
            () => shop.Orders.PayAsync("ann", second.Id));

        Assert.Equal(new PaymentReceipt(first.Id, 6_000, 4_000, ShopHarness.Start.UtcDateTime, AlreadyPaid: false), outcomes[0].Value);
        Assert.True(outcomes[1].Value!.AlreadyPaid);
        Assert.Equal(ErrorCode.InsufficientBalance, outcomes[2].Error!.Code);
        Assert.Equal(2_000, outcomes[2].Error!.Shortfall);
        Assert.Equal(4_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(9, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        await shop.AssertInvariantsAsync();
    }
}
