using ECommerce.Domain.Persistence;
using ECommerce.Domain.Requests;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Concurrency;

/// <summary>
/// Placements that queue together are decided in one batch (see CommandBatcher), each seeing what the ones before it
/// did: a coupon goes to the first order that asks for it, and a request or a key sent twice places one order.
/// </summary>
public sealed class BatchedPlacementTests
{
    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task A_coupon_asked_for_by_two_orders_in_one_batch_goes_to_the_first(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var product = await shop.AddProductAsync(price: 5_000, stock: 10);
        var campaign = await shop.AddCampaignAsync(value: 1_000);
        var coupon = (await shop.Coupons.ClaimAsync("ann", campaign.Id)).Value!;

        // Decided as one batch for certain (queued commands may split in two): the second order sees the first's hold
        // before either has a number.
        var batch = await shop.Get<UnitOfWork>().RunAsync<Result<Order>[]>(async db => await shop.Get<OrderPlacement.Decision>().DecideAsync(db,
        [
            new OrderPlacement("ann", new PlaceOrder([new CartLine(product.Id, 1)], coupon.Id, "tab-1")),
            new OrderPlacement("ann", new PlaceOrder([new CartLine(product.Id, 2)], coupon.Id, "tab-2")),
            new OrderPlacement("ann", new PlaceOrder([new CartLine(product.Id, 3)], null, "tab-3")),
        ]));
        var outcomes = batch.Value!.Select(o => o.Map(OrderQueries.ToView)).ToArray();

        Assert.Equal(["ok", "CouponReserved", "ok"], outcomes.Codes());
        Assert.Equal(4_000, outcomes[0].Value!.Total);
        Assert.Equal(coupon.Id, outcomes[0].Value!.Coupon!.IssuedCouponId);
        // The first order had no number yet when the second was refused: the sentence says so rather than show EF's key.
        Assert.Equal("Your \"Campaign\" coupon is held by an order you have just placed, which awaits payment; cancel that order to use it here.",
            outcomes[1].Error!.Message);
        Assert.Equal(15_000, outcomes[2].Value!.Total);
        var held = (await shop.Coupons.GetMyCouponsAsync("ann")).Single();
        Assert.Equal((CouponState.Reserved, outcomes[0].Value!.Id), (held.State, held.OrderId));
        Assert.Equal(2, (await shop.OrderQueries.GetMyOrdersAsync("ann")).TotalCount);
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task Orders_inserted_by_one_batch_each_get_their_own_id_and_lines(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var tea = await shop.AddProductAsync(price: 1_000, stock: 10, name: "Tea");
        var cup = await shop.AddProductAsync(price: 3_000, stock: 10, name: "Cup");

        // One batch for certain: the orders without a coupon are written by hand (NewOrders), their ids from RETURNING.
        var batch = await shop.Get<UnitOfWork>().RunAsync<Result<Order>[]>(async db => await shop.Get<OrderPlacement.Decision>().DecideAsync(db,
        [
            new OrderPlacement("ann", new PlaceOrder([new CartLine(tea.Id, 1), new CartLine(cup.Id, 2)], null, "r1")),
            new OrderPlacement("bob", new PlaceOrder([new CartLine(cup.Id, 1)], null, "r1")),
            new OrderPlacement("ann", new PlaceOrder([new CartLine(tea.Id, 3)], null, "r2")),
        ]));
        var placed = batch.Value!.Select(o => OrderQueries.ToView(o.Value!)).ToArray();

        Assert.Equal(3, placed.Select(o => o.Id).Distinct().Count());
        foreach (var order in placed)
        {
            var stored = (await shop.OrderQueries.GetMyOrderAsync(order.ShopperId, order.Id)).Value!;
            Assert.Equal((order.ShopperId, order.Total, OrderStatus.AwaitingPayment), (stored.ShopperId, stored.Total, stored.Status));
            Assert.Equal(order.Lines, stored.Lines);
        }

        Assert.Equal([7_000L, 3_000L, 3_000L], placed.Select(o => o.Total));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task The_same_request_twice_in_one_batch_places_one_order(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var product = await shop.AddProductAsync(price: 2_000, stock: 10);

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "double-click")),
            () => shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "double-click")),
            () => shop.Orders.PlaceAsync("bob", new PlaceOrder([new CartLine(product.Id, 1)], null, "double-click")));

        Assert.Equal(["ok", "ok", "ok"], outcomes.Codes());
        Assert.Equal(outcomes[0].Value!.Id, outcomes[1].Value!.Id);
        Assert.NotEqual(outcomes[0].Value!.Id, outcomes[2].Value!.Id);
        Assert.Equal(1, (await shop.OrderQueries.GetMyOrdersAsync("ann")).TotalCount);
        Assert.Equal(1, (await shop.OrderQueries.GetMyOrdersAsync("bob")).TotalCount);
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task A_key_sent_twice_in_one_batch_places_once_and_both_get_the_first_answer(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var product = await shop.AddProductAsync(price: 2_000, stock: 10);
        var order = new PlaceOrder([new CartLine(product.Id, 1)], null, "checkout-1");

        var outcomes = await shop.QueuedTogetherAsync(
            () => KeyedAsync(shop, "ann", order, "key-1", "same"),
            () => KeyedAsync(shop, "ann", order, "key-1", "same"),
            () => KeyedAsync(shop, "ann", order with { RequestId = "checkout-2" }, "key-1", "other"),
            () => KeyedAsync(shop, "ann", new PlaceOrder([new CartLine(product.Id, 11)], null, "checkout-3"), "key-2", "too-many"));

        var placed = (await shop.OrderQueries.GetMyOrdersAsync("ann")).Items.Single();
        Assert.Equal(new KeyedReply(new RememberedOutcome(201, $"order {placed.Id}"), Replayed: false), outcomes[0].Value);
        Assert.Equal(new KeyedReply(new RememberedOutcome(201, $"order {placed.Id}"), Replayed: true), outcomes[1].Value);
        // The same key asking for something else is refused, and places nothing.
        Assert.Equal(new RememberedOutcome(422, nameof(ErrorCode.IdempotencyKeyReused)), outcomes[2].Value!.Outcome);
        // A refusal under a key of its own is answered (and kept) in the same batch.
        Assert.Equal(new RememberedOutcome(422, nameof(ErrorCode.OutOfStock)), outcomes[3].Value!.Outcome);
        Assert.Equal(new RememberedOutcome(422, nameof(ErrorCode.OutOfStock)),
            (await KeyedAsync(shop, "ann", order, "key-2", "too-many")).Value!.Outcome);
        await shop.AssertInvariantsAsync();
    }

    /// <summary>A keyed placement answered as a client would: 201 with the order's id, or 422 with the refusal's code.</summary>
    private static async Task<Result<KeyedReply>> KeyedAsync(ShopHarness shop, string shopperId, PlaceOrder order, string key, string fingerprint) =>
        await shop.Orders.PlaceAsync(shopperId, order, new RequestKey<OrderView>(key, fingerprint, outcome => new KeyedAnswer(
            outcome.IsSuccess
                ? new RememberedOutcome(201, $"order {outcome.Value!.Id}")
                : new RememberedOutcome(422, outcome.Error!.Code.ToString()),
            Keep: true)));
}
