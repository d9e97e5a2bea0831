using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Orders.OrderSteps;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>Cancelling an order awaiting payment.</summary>
public sealed class CancellingTests
{
    [Fact]
    public async Task Cancelling_closes_the_order_and_releases_its_coupon_for_a_new_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000));
        var first = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(2));

        var cancelled = await shop.Orders.CancelAsync("ann", first.Id);

        Assert.True(cancelled.IsSuccess, cancelled.ToString());
        Assert.Equal((OrderStatus.Cancelled, (DateTime?)Now.AddMinutes(2)), (cancelled.Value.Status, cancelled.Value.ClosedAt));
        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(5, await StockAsync(shop, product.Id));

        await shop.ChargeAsync("ann", 9_000);
        var second = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        Assert.Equal(1_000, second.Discount);
        Assert.Equal(0, (await PayAsync(shop, "ann", second.Id)).Balance);
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(OrderStatus.Cancelled, await StatusAsync(shop, "ann", first.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_paid_or_already_cancelled_order_cannot_be_cancelled()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 100));
        await shop.ChargeAsync("ann", 10_000);
        var paid = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        await PayAsync(shop, "ann", paid.Id);
        var cancelled = await shop.PlaceAsync("ann", product.Id);
        Assert.True((await shop.Orders.CancelAsync("ann", cancelled.Id)).IsSuccess);

        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("ann", paid.Id), ErrorCode.OrderNotAwaitingPayment);
        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("ann", cancelled.Id), ErrorCode.OrderNotAwaitingPayment);

        Assert.Equal(OrderStatus.Paid, await StatusAsync(shop, "ann", paid.Id));
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Someone_elses_or_an_unknown_order_cannot_be_cancelled()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var order = await shop.PlaceAsync("ann", product.Id);

        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("bob", order.Id), ErrorCode.NotYours);
        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("ann", 12345), ErrorCode.NotFound);

        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "ann", order.Id));
    }
}
