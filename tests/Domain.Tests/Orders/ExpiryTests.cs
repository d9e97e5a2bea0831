using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Orders.OrderSteps;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>Orders whose payment window closed: the sweep, and coupons they no longer hold.</summary>
public sealed class ExpiryTests
{
    [Fact]
    public async Task Expiring_closes_only_orders_past_their_window_and_releases_their_coupons()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        await shop.ChargeAsync("ann", 10_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 100));
        var stale = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        var paid = await shop.PlaceAsync("ann", product.Id);
        await PayAsync(shop, "ann", paid.Id);
        var cancelled = await shop.PlaceAsync("ann", product.Id);
        await shop.Orders.CancelAsync("ann", cancelled.Id);
        var staleToo = await shop.PlaceAsync("bob", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(10));
        var fresh = await shop.PlaceAsync("bob", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(5)); // exactly the first orders' expiry time

        var expired = await shop.Orders.ExpireStaleOrdersAsync();

        Assert.Equal(2, expired);
        Assert.Equal(OrderStatus.Expired, await StatusAsync(shop, "ann", stale.Id));
        Assert.Equal(OrderStatus.Expired, await StatusAsync(shop, "bob", staleToo.Id));
        Assert.Equal(Now.AddMinutes(15), (await shop.OrderQueries.GetMyOrderAsync("ann", stale.Id)).Value!.ClosedAt);
        Assert.Equal(OrderStatus.Paid, await StatusAsync(shop, "ann", paid.Id));
        Assert.Equal(OrderStatus.Cancelled, await StatusAsync(shop, "ann", cancelled.Id));
        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "bob", fresh.Id));
        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(0, await shop.Orders.ExpireStaleOrdersAsync());

        var reused = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        Assert.Equal(100, reused.Discount);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Expiring_counts_every_stale_order_beyond_one_batch()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        for (var i = 0; i < 101; i++)
        {
            await shop.PlaceAsync("ann", product.Id);
        }

        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(101, await shop.Orders.ExpireStaleOrdersAsync());
        Assert.Equal(0, await shop.QueryAsync(db => db.Orders.CountAsync(o => o.Status != OrderStatus.Expired)));
    }

    [Fact]
    public async Task A_coupon_held_by_an_order_past_its_payment_window_is_free_before_the_sweep_runs()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 10);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000));
        var lapsed = await shop.PlaceAsync("ann", product.Id, couponId: coupon.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
        var quote = (await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 1)], coupon.Id)).Value!;
        Assert.Null(quote.CouponProblem);
        var fresh = await shop.PlaceAsync("ann", product.Id, couponId: coupon.Id);

        Assert.Equal(1_000, fresh.Discount);
        Assert.Equal(OrderStatus.Expired, await StatusAsync(shop, "ann", lapsed.Id));
        Assert.Equal(CouponState.Reserved, await CouponStateAsync(shop, "ann", coupon.Id));
        await AssertPayRefusedAsync(shop, "ann", lapsed.Id, ErrorCode.OrderNotAwaitingPayment);
        await shop.AssertInvariantsAsync();
    }
}
