using System.Text.Json;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.DataPlatform;

public sealed class OutboxTests
{
    [Fact]
    public async Task Every_paid_order_reaches_a_platform_that_fails_several_times_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var orderIds = await PayOrdersAsync(shop, 5);
        shop.Sink.FailuresLeft = 7;

        await DispatchUntilQuietAsync(shop);

        Assert.Equal(7 + 5, shop.Sink.Attempts);
        Assert.Equal(orderIds.Select(KeyOf).Order(), shop.Sink.Received.Select(m => m.IdempotencyKey).Order());
        var outbox = await shop.QueryAsync(db => db.Outbox.ToListAsync());
        Assert.All(outbox, m => Assert.Equal(OutboxState.Delivered, m.State));
        Assert.Equal(12, outbox.Sum(m => m.Attempts));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_message_whose_answer_was_lost_is_sent_again_under_the_same_key()
    {
        await using var shop = await ShopHarness.StartAsync();
        var orderIds = await PayOrdersAsync(shop, 3);
        shop.Sink.LostAnswersLeft = 2;

        await DispatchUntilQuietAsync(shop);

        var received = shop.Sink.Received.ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal(orderIds.Select(KeyOf).Order(), received.Select(m => m.IdempotencyKey).Distinct().Order());
        Assert.All(received.GroupBy(m => m.IdempotencyKey), copies => Assert.Single(copies.Select(m => m.Payload).Distinct()));
    }

    [Fact]
    public async Task A_payment_succeeds_while_the_platform_is_down_and_the_failure_is_recorded()
    {
        await using var shop = await ShopHarness.StartAsync();
        shop.Sink.FailuresLeft = int.MaxValue;

        var orderIds = await PayOrdersAsync(shop, 1);
        var (delivered, failed) = await shop.Dispatcher.DispatchDueAsync();

        Assert.Equal((0, 1), (delivered, failed));
        var message = await shop.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxState.Failing, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("down", message.LastError);
        Assert.True(message.NextAttemptAt > shop.Clock.GetUtcNow().UtcDateTime, "A failed send waits before its next try.");
        Assert.Equal(OrderStatus.Paid, (await shop.OrderQueries.GetMyOrderAsync("shopper-0", orderIds[0])).Value!.Status);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task In_one_batch_the_delivered_are_marked_delivered_and_a_failed_one_failing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var orderIds = await PayOrdersAsync(shop, 3);
        shop.Sink.FailuresLeft = 1;

        Assert.Equal((2, 1), await shop.Dispatcher.DispatchDueAsync());

        var outbox = (await shop.QueryAsync(db => db.Outbox.ToListAsync())).ToDictionary(m => m.IdempotencyKey);
        var first = outbox[KeyOf(orderIds[0])];
        Assert.Equal((OutboxState.Failing, 1, null), (first.State, first.Attempts, first.DeliveredAt));
        Assert.Contains("down", first.LastError);
        foreach (var id in orderIds.Skip(1))
        {
            var sent = outbox[KeyOf(id)];
            Assert.Equal((OutboxState.Delivered, 1, shop.Clock.GetUtcNow().UtcDateTime), (sent.State, sent.Attempts, sent.DeliveredAt));
            Assert.Equal((null, null, null), (sent.LastError, sent.LeaseId, sent.LeasedUntil));
        }

        Assert.All(outbox.Values, m => Assert.Null(m.LeaseId));
        Assert.Equal((0, 0), await shop.Dispatcher.DispatchDueAsync());
    }

    [Fact]
    public async Task A_failed_send_waits_out_its_backoff_and_retry_now_cuts_it_short()
    {
        await using var shop = await ShopHarness.StartAsync();
        await PayOrdersAsync(shop, 1);
        shop.Sink.FailuresLeft = 1;
        await shop.Dispatcher.DispatchDueAsync();

        Assert.Equal((0, 0), await shop.Dispatcher.DispatchDueAsync());
        var message = await shop.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.True((await shop.Dispatcher.RetryNowAsync(message.Id, "admin")).IsSuccess);
        Assert.Equal((1, 0), await shop.Dispatcher.DispatchDueAsync());
        Assert.Equal(ErrorCode.InvalidInput, (await shop.Dispatcher.RetryNowAsync(message.Id, "admin")).Error!.Code);
        Assert.Equal(ErrorCode.NotFound, (await shop.Dispatcher.RetryNowAsync(999, "admin")).Error!.Code);
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_message_once()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?> { ["Shop:DataPlatform:BatchSize"] = "7" });
        await using var neighbour = await shop.StartNeighbourAsync(TransactionShape.Serialized);
        await PayOrdersAsync(shop, 60);

        await Race.RunAsync(2, async i =>
        {
            var dispatcher = (i == 0 ? shop : neighbour).Dispatcher;
            while ((await dispatcher.DispatchDueAsync()).Delivered > 0)
            {
            }

            return 0;
        });
        await DispatchUntilQuietAsync(shop);

        var received = shop.Sink.Received.Concat(neighbour.Sink.Received).ToList();
        Assert.Equal(60, received.Count);
        Assert.Equal(60, received.Select(m => m.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task The_message_carries_the_paid_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var orderId = (await PayOrdersAsync(shop, 1))[0];

        await shop.Dispatcher.DispatchDueAsync();

        var message = Assert.Single(shop.Sink.Received);
        Assert.Equal(OutboxMessage.OrderPaidType, message.Type);
        using var json = JsonDocument.Parse(message.ToJson());
        var payload = json.RootElement.GetProperty("payload");
        Assert.Equal(KeyOf(orderId), json.RootElement.GetProperty("idempotencyKey").GetString());
        Assert.Equal(orderId, payload.GetProperty("orderId").GetInt32());
        Assert.Equal("shopper-0", payload.GetProperty("shopperId").GetString());
        Assert.Equal(4_000, payload.GetProperty("total").GetInt64());
        Assert.Equal(2, payload.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
    }

    internal static string KeyOf(int orderId) => $"order-paid-{orderId}";

    /// <summary>Pays one order of 2 × ₩2,000 for each of <paramref name="count"/> shoppers.</summary>
    internal static async Task<List<int>> PayOrdersAsync(ShopHarness shop, int count)
    {
        var product = await shop.AddProductAsync(price: 2_000, stock: 1_000);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            await shop.ChargeAsync($"shopper-{i}", 10_000);
            var order = await shop.PlaceAsync($"shopper-{i}", product.Id, 2);
            Assert.True((await shop.Orders.PayAsync($"shopper-{i}", order.Id)).IsSuccess);
            ids.Add(order.Id);
        }

        return ids;
    }

    /// <summary>Dispatches, moving the clock past every backoff, until nothing is left to send.</summary>
    internal static async Task DispatchUntilQuietAsync(ShopHarness shop)
    {
        for (var round = 0; round < 100; round++)
        {
            await shop.Dispatcher.DispatchDueAsync();
            if (await shop.QueryAsync(db => db.Outbox.AllAsync(m => m.State == OutboxState.Delivered)))
            {
                return;
            }

            shop.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Fail("The outbox never emptied.");
    }
}
