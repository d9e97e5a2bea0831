using System.Text.Json;
using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Orders.OrderSteps;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>Paying an order: all or nothing, refusals in the order a shopper hears them, paying twice.</summary>
public sealed class PayingTests
{
    [Fact]
    public async Task Paying_deducts_stock_debits_the_balance_uses_the_coupon_and_queues_the_data_platform_message()
    {
        await using var shop = await ShopHarness.StartAsync();
        var kimchi = await shop.AddProductAsync(price: 12_000, stock: 5, name: "Kimchi");
        var rice = await shop.AddProductAsync(price: 3_000, stock: 10, name: "Rice");
        var campaign = await shop.AddCampaignAsync(value: 2_000);
        var coupon = await ClaimAsync(shop, "ann", campaign);
        await shop.ChargeAsync("ann", 50_000);
        var order = (await shop.Orders.PlaceAsync("ann",
            Cart(coupon.Id, new CartLine(kimchi.Id, 2), new CartLine(rice.Id, 3)))).Value!;
        shop.Clock.Advance(TimeSpan.FromMinutes(5));

        var receipt = await PayAsync(shop, "ann", order.Id);

        var paidAt = Now.AddMinutes(5);
        Assert.Equal(new PaymentReceipt(order.Id, 31_000, 19_000, paidAt, AlreadyPaid: false), receipt);
        Assert.Equal(3, await StockAsync(shop, kimchi.Id));
        Assert.Equal(7, await StockAsync(shop, rice.Id));
        Assert.Equal(19_000, await shop.Wallets.GetBalanceAsync("ann"));
        var debit = (await shop.Wallets.GetLedgerAsync("ann")).Items[0];
        Assert.Equal((LedgerEntryKind.Payment, -31_000L, 19_000L, (int?)order.Id), (debit.Kind, debit.Amount, debit.BalanceAfter, debit.OrderId));
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        var paid = (await shop.OrderQueries.GetMyOrderAsync("ann", order.Id)).Value!;
        Assert.Equal((OrderStatus.Paid, (DateTime?)paidAt), (paid.Status, paid.PaidAt));
        Assert.Equal([(rice.Id, 3L), (kimchi.Id, 2L)],
            (await shop.Catalog.GetTopSellersAsync()).Select(t => (t.ProductId, t.UnitsSold)));

        var message = Assert.Single(await shop.QueryAsync(db => db.Outbox.ToListAsync()));
        Assert.Equal((OutboxMessage.OrderPaidType, $"order-paid-{order.Id}", OutboxState.Pending),
            (message.Type, message.IdempotencyKey, message.State));
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(order.Id, payload.RootElement.GetProperty("orderId").GetInt32());
        Assert.Equal("ann", payload.RootElement.GetProperty("shopperId").GetString());
        Assert.Equal(31_000, payload.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(2_000, payload.RootElement.GetProperty("discount").GetInt64());
        Assert.Equal(campaign.Code, payload.RootElement.GetProperty("couponCode").GetString());
        Assert.Equal(2, payload.RootElement.GetProperty("lines").GetArrayLength());
        Assert.Equal(1, await shop.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == order.Id && p.Amount == 31_000)));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_short_balance_is_refused_with_the_exact_shortfall_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000));
        await shop.ChargeAsync("ann", 5_000);
        var order = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);

        var error = await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.InsufficientBalance);

        Assert.Equal(6_000, error.Shortfall);
        Assert.Equal(5_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(5, await StockAsync(shop, product.Id));
        Assert.Equal(CouponState.Reserved, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "ann", order.Id));

        // Charging the shortfall is exactly enough.
        await shop.ChargeAsync("ann", 6_000);
        Assert.Equal(0, (await PayAsync(shop, "ann", order.Id)).Balance);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_shopper_without_a_wallet_is_short_the_whole_total()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000);
        var order = await shop.PlaceAsync("ann", product.Id);

        var error = await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.InsufficientBalance);

        Assert.Equal(12_000, error.Shortfall);
        Assert.Equal(0, await shop.QueryAsync(db => db.Wallets.CountAsync()));
    }

    [Fact]
    public async Task Stock_sold_to_someone_else_before_paying_is_refused_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 3, name: "Last units");
        await shop.ChargeAsync("ann", 10_000);
        await shop.ChargeAsync("bob", 10_000);
        var annOrder = await shop.PlaceAsync("ann", product.Id, 2);
        await PayAsync(shop, "bob", (await shop.PlaceAsync("bob", product.Id, 2)).Id);

        var error = await AssertPayRefusedAsync(shop, "ann", annOrder.Id, ErrorCode.OutOfStock);

        Assert.Equal((product.Id, 1L), (error.ProductId, error.CurrentValue));
        Assert.Contains("Last units", error.Message, StringComparison.Ordinal);
        Assert.Equal(10_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(1, await StockAsync(shop, product.Id));
        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "ann", annOrder.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Paying_someone_elses_order_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        await shop.ChargeAsync("bob", 100_000);
        var order = await shop.PlaceAsync("ann", product.Id);

        await AssertPayRefusedAsync(shop, "bob", order.Id, ErrorCode.NotYours);

        Assert.Equal(100_000, await shop.Wallets.GetBalanceAsync("bob"));
    }

    [Fact]
    public async Task Paying_an_unknown_order_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 100_000);

        await AssertPayRefusedAsync(shop, "ann", 12345, ErrorCode.NotFound);
    }

    [Fact]
    public async Task Paying_without_a_shopper_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var order = await shop.PlaceAsync("ann", product.Id);

        await AssertPayRefusedAsync(shop, "", order.Id, ErrorCode.InvalidInput);
    }

    [Fact]
    public async Task Paying_twice_charges_once_and_says_it_was_already_paid()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 5);
        await shop.ChargeAsync("ann", 50_000);
        var order = await shop.PlaceAsync("ann", product.Id);
        var first = await PayAsync(shop, "ann", order.Id);
        shop.Clock.Advance(TimeSpan.FromHours(1));

        var second = await PayAsync(shop, "ann", order.Id);

        Assert.False(first.AlreadyPaid);
        Assert.Equal(new PaymentReceipt(order.Id, 10_000, 40_000, Now, AlreadyPaid: true), second);
        Assert.Equal(40_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(4, await StockAsync(shop, product.Id));
        Assert.Equal(2, (await shop.Wallets.GetLedgerAsync("ann")).TotalCount);
        Assert.Equal(1, await shop.QueryAsync(db => db.Outbox.CountAsync()));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Paying_just_before_the_window_closes_succeeds()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        await shop.ChargeAsync("ann", 1_000);
        var order = await shop.PlaceAsync("ann", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));

        Assert.Equal(0, (await PayAsync(shop, "ann", order.Id)).Balance);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Paying_once_the_window_has_closed_is_refused_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 100));
        await shop.ChargeAsync("ann", 10_000);
        var order = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.OrderExpired);

        Assert.Equal(10_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(5, await StockAsync(shop, product.Id));
        Assert.NotEqual(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
    }

    [Fact]
    public async Task Paying_a_cancelled_or_expired_order_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        await shop.ChargeAsync("ann", 10_000);
        var cancelled = await shop.PlaceAsync("ann", product.Id);
        Assert.True((await shop.Orders.CancelAsync("ann", cancelled.Id)).IsSuccess);
        var expired = await shop.PlaceAsync("ann", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await shop.Orders.ExpireStaleOrdersAsync());

        await AssertPayRefusedAsync(shop, "ann", cancelled.Id, ErrorCode.OrderNotAwaitingPayment);
        await AssertPayRefusedAsync(shop, "ann", expired.Id, ErrorCode.OrderNotAwaitingPayment);

        Assert.Equal(10_000, await shop.Wallets.GetBalanceAsync("ann"));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_largest_possible_order_total_fits_without_overflow()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 1);
        var lines = new List<CartLine>();
        for (var i = 0; i < 50; i++)
        {
            lines.Add(new CartLine((await shop.AddProductAsync(price: Product.MaxPrice, stock: 999)).Id, 999));
        }

        var order = (await shop.Orders.PlaceAsync("ann", new PlaceOrder(lines, null, "big"))).Value!;

        Assert.Equal(50L * 999 * Product.MaxPrice, order.Total);
        var error = await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.InsufficientBalance);
        Assert.Equal(order.Total - 1, error.Shortfall);
    }
}
