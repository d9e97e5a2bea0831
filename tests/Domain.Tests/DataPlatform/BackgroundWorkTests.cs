using ECommerce.Domain.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Tests.DataPlatform;

/// <summary>The hosted services a running shop uses, started for real; each waits a bounded time for its effect.</summary>
public sealed class BackgroundWorkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_outbox_service_delivers_a_payment_without_waiting_for_its_poll()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Shop:DataPlatform:PollInterval"] = "01:00:00",
        });
        using var service = new OutboxDispatcherService(shop.Dispatcher, shop.Get<OutboxSignal>(),
            shop.Get<IOptions<DataPlatformOptions>>(),
            NullLogger<OutboxDispatcherService>.Instance);
        await service.StartAsync(CancellationToken.None);

        var orderId = (await OutboxTests.PayOrdersAsync(shop, 1))[0];

        await Eventually(() => Task.FromResult(shop.Sink.Received.Any(m => m.IdempotencyKey == OutboxTests.KeyOf(orderId))));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Payments_made_while_the_outbox_service_gathers_go_to_the_platform_in_one_batch()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Shop:DataPlatform:PollInterval"] = "01:00:00",
            // Generous: the two payments after the first must fall within it on a loaded machine.
            ["Shop:DataPlatform:GatherDelay"] = "00:00:05",
        });
        var product = await shop.AddProductAsync(price: 1_000, stock: 100);
        var orders = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            await shop.ChargeAsync($"shopper-{i}", 10_000);
            orders.Add((await shop.PlaceAsync($"shopper-{i}", product.Id, 1)).Id);
        }

        using var service = new OutboxDispatcherService(shop.Dispatcher, shop.Get<OutboxSignal>(),
            shop.Get<IOptions<DataPlatformOptions>>(), NullLogger<OutboxDispatcherService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await Task.Delay(200); // Its first round finds nothing due; then it waits for a payment.
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await shop.Orders.PayAsync($"shopper-{i}", orders[i])).IsSuccess);
        }

        await Eventually(() => Task.FromResult(shop.Sink.Received.Count == 3));
        // Without gathering, each payment's wake-up sent its own batch: here one batch, or two if the first payment met
        // the service's first round.
        Assert.InRange(shop.Sink.Batches.Count, 1, 2);
        Assert.Equal(3, shop.Sink.Batches.Sum());
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_expiry_service_expires_orders_past_their_payment_window_and_frees_their_coupons()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Shop:Orders:ExpirySweepInterval"] = "00:00:00.050",
        });
        var product = await shop.AddProductAsync();
        var campaign = await shop.AddCampaignAsync();
        var coupon = (await shop.Coupons.ClaimAsync("ann", campaign.Id)).Value!;
        var order = await shop.PlaceAsync("ann", product.Id, couponId: coupon.Id);
        using var service = new OrderExpiryService(shop.Orders,
            shop.Get<IOptions<OrderOptions>>(),
            NullLogger<OrderExpiryService>.Instance);
        await service.StartAsync(CancellationToken.None);

        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        await Eventually(async () => (await shop.OrderQueries.GetMyOrderAsync("ann", order.Id)).Value!.Status == OrderStatus.Expired);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(CouponState.Valid, (await shop.Coupons.GetMyCouponsAsync("ann")).Single().State);
        await shop.AssertInvariantsAsync();
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
