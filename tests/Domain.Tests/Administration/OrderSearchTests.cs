using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Administration.AdminScenario;

namespace ECommerce.Domain.Tests.Administration;

public sealed class OrderSearchTests
{
    /// <summary>
    /// Day 1 10:30 ann pays 1 × 10,000; day 1 12:30 bob places 2 × 10,000 and cancels; day 2 10:30 ann pays
    /// 3 × 10,000; day 2 11:30 bob places 1 × 10,000 (awaiting payment).
    /// </summary>
    private sealed record Book(int AnnFirst, int BobCancelled, int AnnSecond, int BobAwaiting);

    private static async Task<Book> FillAsync(ShopHarness shop)
    {
        var product = await shop.AddProductAsync(price: 10_000, stock: 100);
        var annFirst = await SellAsync(shop, "ann", product.Id);
        shop.Clock.Advance(TimeSpan.FromHours(2));
        var bobCancelled = await shop.PlaceAsync("bob", product.Id, 2);
        Ok(await shop.Orders.CancelAsync("bob", bobCancelled.Id));
        shop.Clock.Advance(TimeSpan.FromHours(22));
        var annSecond = await SellAsync(shop, "ann", product.Id, 3);
        shop.Clock.Advance(TimeSpan.FromHours(1));
        var bobAwaiting = await shop.PlaceAsync("bob", product.Id);
        return new Book(annFirst.Id, bobCancelled.Id, annSecond.Id, bobAwaiting.Id);
    }

    private static async Task<int[]> IdsAsync(ShopHarness shop, AdminOrderQuery query) =>
        Ok(await shop.Get<OrderSearch>().SearchAsync(query)).Items.Select(o => o.Id).ToArray();

    [Fact]
    public async Task Filters_by_status_date_range_and_shopper_alone_and_together()
    {
        await using var shop = await ShopHarness.StartAsync();
        var book = await FillAsync(shop);
        var day1 = ShopHarness.Start.UtcDateTime.Date;

        Assert.Equal([book.BobAwaiting, book.AnnSecond, book.BobCancelled, book.AnnFirst], await IdsAsync(shop, new AdminOrderQuery()));
        Assert.Equal([book.AnnSecond, book.AnnFirst], await IdsAsync(shop, new AdminOrderQuery(Status: OrderStatus.Paid)));
        Assert.Equal([book.BobCancelled, book.AnnFirst], await IdsAsync(shop, new AdminOrderQuery(From: day1, To: day1.AddDays(1))));
        Assert.Equal([book.BobAwaiting, book.AnnSecond], await IdsAsync(shop, new AdminOrderQuery(From: day1.AddDays(1))));
        Assert.Equal([book.BobAwaiting, book.BobCancelled], await IdsAsync(shop, new AdminOrderQuery(ShopperId: "bob")));
        Assert.Equal([book.AnnSecond], await IdsAsync(shop,
            new AdminOrderQuery(OrderStatus.Paid, day1.AddDays(1), day1.AddDays(2), "ann")));
        Assert.Empty(await IdsAsync(shop, new AdminOrderQuery(Status: OrderStatus.Expired)));
    }

    [Fact]
    public async Task Sorts_by_date_or_total_both_ways()
    {
        await using var shop = await ShopHarness.StartAsync();
        var book = await FillAsync(shop);

        Assert.Equal([book.AnnFirst, book.BobCancelled, book.AnnSecond, book.BobAwaiting],
            await IdsAsync(shop, new AdminOrderQuery(Sort: AdminOrderSort.OldestFirst)));
        Assert.Equal([book.AnnSecond, book.BobCancelled, book.BobAwaiting, book.AnnFirst],
            await IdsAsync(shop, new AdminOrderQuery(Sort: AdminOrderSort.HighestTotal)));
        Assert.Equal([book.AnnFirst, book.BobAwaiting, book.BobCancelled, book.AnnSecond],
            await IdsAsync(shop, new AdminOrderQuery(Sort: AdminOrderSort.LowestTotal)));
    }

    [Fact]
    public async Task Rows_carry_shopper_status_units_and_totals()
    {
        await using var shop = await ShopHarness.StartAsync();
        var book = await FillAsync(shop);

        var row = Ok(await shop.Get<OrderSearch>().SearchAsync(new AdminOrderQuery(Sort: AdminOrderSort.HighestTotal))).Items[0];

        Assert.Equal(new AdminOrderRow(book.AnnSecond, "ann", OrderStatus.Paid, ShopHarness.Start.UtcDateTime.AddDays(1), 3, 30_000, null), row);
    }

    [Theory]
    [InlineData(1, 3, 3)]
    [InlineData(2, 3, 1)]
    [InlineData(3, 3, 0)]
    [InlineData(0, 3, 3)]
    [InlineData(int.MaxValue, 3, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1000, 4)]
    public async Task Pages_stay_within_bounds(int page, int size, int expected)
    {
        await using var shop = await ShopHarness.StartAsync();
        await FillAsync(shop);

        var result = Ok(await shop.Get<OrderSearch>().SearchAsync(new AdminOrderQuery(Page: page, PageSize: size)));

        Assert.Equal(expected, result.Items.Count);
        Assert.Equal(4, result.TotalCount);
        Assert.InRange(result.PageSize, 1, 100);
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var day = ShopHarness.Start.UtcDateTime.Date;

        var result = await shop.Get<OrderSearch>().SearchAsync(new AdminOrderQuery(From: day, To: day));

        Assert.Equal(ErrorCode.InvalidInput, result.Error?.Code);
    }

    [Fact]
    public async Task The_detail_shows_lines_at_frozen_prices_coupon_payment_and_delivery()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(price: 4_000, stock: 10, name: "Tea");
        var campaign = await shop.AddCampaignAsync(value: 1_500, code: "TEA1500");
        var coupon = Ok(await shop.Coupons.ClaimAsync("ann", campaign.Id));
        var order = await SellAsync(shop, "ann", tea.Id, 2, coupon.Id);
        var search = shop.Get<OrderSearch>();

        var pending = Ok(await search.GetAsync(order.Id));
        await shop.Dispatcher.DispatchDueAsync();
        var delivered = Ok(await search.GetAsync(order.Id));

        Assert.Equal(("ann", OrderStatus.Paid, 8_000L, 1_500L, 6_500L),
            (pending.Order.ShopperId, pending.Order.Status, pending.Order.Subtotal, pending.Order.Discount, pending.Order.Total));
        Assert.Equal(new OrderLineView(tea.Id, "Tea", 4_000, 2, 8_000), Assert.Single(pending.Order.Lines));
        Assert.Equal("TEA1500", pending.Order.Coupon?.Code);
        Assert.Equal(("TEA1500", 2), Ok(await search.SearchAsync(new AdminOrderQuery())).Items.Select(r => (r.CouponCode, r.Units)).Single());
        Assert.Equal(6_500, pending.Payment?.Amount);
        Assert.Equal((OutboxState.Pending, 0), (pending.Delivery!.State, pending.Delivery.Attempts));
        Assert.Equal((OutboxState.Delivered, 1), (delivered.Delivery!.State, delivered.Delivery.Attempts));
        Assert.NotNull(delivered.Delivery.DeliveredAt);
    }

    [Fact]
    public async Task An_unpaid_order_has_no_payment_nor_delivery_and_an_unknown_one_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var order = await shop.PlaceAsync("bob", product.Id);

        var detail = Ok(await shop.Get<OrderSearch>().GetAsync(order.Id));

        Assert.Equal(OrderStatus.AwaitingPayment, detail.Order.Status);
        Assert.Null(detail.Payment);
        Assert.Null(detail.Delivery);
        Assert.Equal(ErrorCode.NotFound, (await shop.Get<OrderSearch>().GetAsync(999)).Error?.Code);
    }
}
