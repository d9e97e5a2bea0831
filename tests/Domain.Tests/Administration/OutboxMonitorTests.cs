using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Administration.AdminScenario;

namespace ECommerce.Domain.Tests.Administration;

public sealed class OutboxMonitorTests
{
    [Fact]
    public async Task Lists_messages_by_state_newest_first_with_attempts_and_last_error()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?> { ["Shop:DataPlatform:BatchSize"] = "2" });
        var product = await shop.AddProductAsync(stock: 100);
        var orders = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add((await SellAsync(shop, $"shopper-{i}", product.Id)).Id);
        }

        await shop.Dispatcher.DispatchDueAsync(); // orders 0 and 1 delivered
        shop.Sink.FailuresLeft = 2;
        await shop.Dispatcher.DispatchDueAsync(); // orders 2 and 3 failing; order 4 still pending
        var monitor = shop.Get<OutboxMonitor>();

        Assert.Equal(new OutboxCounts(Pending: 1, Delivered: 2, Failing: 2), await monitor.CountAsync());
        var failing = await monitor.GetPageAsync(new OutboxQuery(OutboxState.Failing));
        Assert.Equal([$"order-paid-{orders[3]}", $"order-paid-{orders[2]}"], failing.Items.Select(m => m.IdempotencyKey));
        Assert.All(failing.Items, m => Assert.Equal((1, "HttpRequestException: The data platform is down."), (m.Attempts, m.LastError)));
        Assert.Equal([$"order-paid-{orders[4]}"], (await monitor.GetPageAsync(new OutboxQuery(OutboxState.Pending))).Items.Select(m => m.IdempotencyKey));
        var delivered = await monitor.GetPageAsync(new OutboxQuery(OutboxState.Delivered, PageSize: 1));
        Assert.Equal((2, $"order-paid-{orders[1]}"), (delivered.TotalCount, delivered.Items.Single().IdempotencyKey));
        Assert.NotNull(delivered.Items.Single().DeliveredAt);
        Assert.Equal(5, (await monitor.GetPageAsync(new OutboxQuery())).TotalCount);
    }
}
