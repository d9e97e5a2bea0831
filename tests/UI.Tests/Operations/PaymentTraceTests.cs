using System.Collections.Concurrent;
using System.Diagnostics;
using ECommerce.Domain.Diagnostics;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;

namespace ECommerce.UI.Tests.Operations;

/// <summary>A payment's spans in the running shop, as an exporter would receive them (an ActivityListener on the shop's source).</summary>
[Collection(MetricsCollection.Name)]
public sealed class PaymentTraceTests(MetricsShop shop) : IDisposable
{
    private readonly ConcurrentQueue<Activity> _finished = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == ShopTracing.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task A_payment_is_a_child_of_the_request_that_asked_for_it_and_its_group_commit_links_back_to_it()
    {
        var (shopper, order) = await OrderToPayAsync();

        // Stands for ASP.NET Core's request span (or the circuit's event span) that a real payment starts under.
        using (var request = new Activity("POST /checkout").Start())
        {
            Assert.True((await shop.Get<OrderService>().PayAsync(shopper, order.Id)).IsSuccess);
            request.Stop();

            var payment = Assert.Single(_finished, a => a.OperationName == "shop.pay-order" && Equals(a.GetTagItem("shop.order_id"), order.Id));
            Assert.Equal(request.TraceId, payment.TraceId);
            Assert.Equal(request.SpanId, payment.ParentSpanId);
            Assert.Equal("accepted", payment.GetTagItem("shop.outcome"));

            var commit = Assert.Single(_finished, a => a.OperationName == "shop.commit PayOrder" && a.Links.Any(l => l.Context.SpanId == payment.SpanId));
            Assert.Equal(payment.TraceId, Assert.Single(commit.Links, l => l.Context.SpanId == payment.SpanId).Context.TraceId);
            Assert.True(commit.StartTimeUtc >= payment.StartTimeUtc && commit.StartTimeUtc + commit.Duration <= payment.StartTimeUtc + payment.Duration,
                "the commit happens while the payment waits for it");
        }
    }

    [Fact]
    public async Task The_delivery_of_a_paid_order_s_message_is_a_child_of_the_payment_in_the_same_trace()
    {
        var (shopper, order) = await OrderToPayAsync();

        using (new Activity("POST /checkout").Start())
        {
            Assert.True((await shop.Get<OrderService>().PayAsync(shopper, order.Id)).IsSuccess);
        }

        var payment = Assert.Single(_finished, a => a.OperationName == "shop.pay-order" && Equals(a.GetTagItem("shop.order_id"), order.Id));
        // The dispatcher runs on its own, later, with no span of the payment current; this shop's data platform never
        // answers, so the delivery fails, but its attempt is a span all the same.
        var key = $"order-paid-{order.Id}";
        var clock = Stopwatch.StartNew();
        Activity? delivery = null;
        while (delivery is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            delivery = _finished.FirstOrDefault(a => a.OperationName == "shop.outbox.deliver" && Equals(a.GetTagItem("shop.idempotency_key"), key));
            await Task.Delay(20);
        }

        Assert.NotNull(delivery);
        Assert.Equal(payment.TraceId, delivery.TraceId);
        Assert.Equal(payment.SpanId, delivery.ParentSpanId);
    }

    /// <summary>A shopper with balance and one placed order, with the spans listened to from here on.</summary>
    private async Task<(string Shopper, OrderView Order)> OrderToPayAsync()
    {
        _listener.ActivityStopped = _finished.Enqueue;
        ActivitySource.AddActivityListener(_listener);
        var shopper = await shop.NewShopperAsync();
        var product = await shop.NewProductAsync();
        Assert.True((await shop.Get<WalletService>().ChargeAsync(shopper, 50_000, $"charge-{Guid.NewGuid():N}")).IsSuccess);
        var order = await shop.Get<OrderService>().PlaceAsync(shopper, new PlaceOrder([new CartLine(product, 1)], null, Guid.NewGuid().ToString("N")));
        return (shopper, order.Value ?? throw new InvalidOperationException(order.ToString()));
    }

    public void Dispose() => _listener.Dispose();
}
