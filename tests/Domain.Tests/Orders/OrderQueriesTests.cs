using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Orders.OrderSteps;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>A shopper looking at their orders.</summary>
public sealed class OrderQueriesTests
{
    [Fact]
    public async Task A_shopper_lists_only_their_own_orders_newest_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var cheap = await shop.AddProductAsync(price: 1_000);
        var dear = await shop.AddProductAsync(price: 5_000);
        var first = await shop.PlaceAsync("ann", cheap.Id, 3);
        await shop.PlaceAsync("bob", cheap.Id);
        var second = await shop.Orders.PlaceAsync("ann", Cart(new CartLine(dear.Id, 1), new CartLine(cheap.Id, 2)));

        var ann = await shop.OrderQueries.GetMyOrdersAsync("ann");
        var annPaged = await shop.OrderQueries.GetMyOrdersAsync("ann", page: 2, pageSize: 1);

        Assert.Equal([(second.Value!.Id, 7_000L, 3), (first.Id, 3_000L, 3)], ann.Items.Select(o => (o.Id, o.Total, o.Units)));
        Assert.Equal(first.Id, Assert.Single(annPaged.Items).Id);
        Assert.Equal(2, annPaged.PageCount);
        Assert.Single((await shop.OrderQueries.GetMyOrdersAsync("bob")).Items);
        Assert.Empty((await shop.OrderQueries.GetMyOrdersAsync("cid")).Items);
    }

    [Fact]
    public async Task Only_the_owner_sees_an_orders_detail()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 4_000, name: "Tea");
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 500));
        var order = await shop.PlaceAsync("ann", product.Id, 2, coupon.Id);

        var mine = await shop.OrderQueries.GetMyOrderAsync("ann", order.Id);
        var bobs = await shop.OrderQueries.GetMyOrderAsync("bob", order.Id);
        var unknown = await shop.OrderQueries.GetMyOrderAsync("ann", 12345);

        Assert.True(mine.IsSuccess, mine.ToString());
        Assert.Equal(("Tea", 2, 7_500L), (Assert.Single(mine.Value.Lines).ProductName, mine.Value.Lines[0].Quantity, mine.Value.Total));
        Assert.Equal(coupon.Id, mine.Value.Coupon?.IssuedCouponId);
        Assert.Equal(ErrorCode.NotYours, bobs.Error?.Code);
        Assert.Null(bobs.Value);
        Assert.Equal(ErrorCode.NotFound, unknown.Error?.Code);
    }
}
