using System.Diagnostics;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Common;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.DomainWorker;

/// <summary>
/// Sends the plan's mix of operations from <see cref="WorkerPlan.Tasks"/> concurrent loops until the time is up
/// (or the process is killed), acknowledging each success on stdout. Request keys carry this run's id, so a
/// restarted worker never repeats an earlier run's key.
/// </summary>
internal sealed class WorkerLoad(WorkerPlan plan, string worker, IServiceProvider services, Latencies latencies)
{
    private readonly string _run = $"{worker}-{Guid.NewGuid():N}";
    private readonly WalletService _wallets = services.GetRequiredService<WalletService>();
    private readonly CouponService _coupons = services.GetRequiredService<CouponService>();
    private readonly OrderService _orders = services.GetRequiredService<OrderService>();
    private readonly InventoryService _inventory = services.GetRequiredService<InventoryService>();
    private readonly JsonLinesFolderSink _sink = services.GetRequiredService<JsonLinesFolderSink>();
    private long _sequence;
    private bool _timing;
    private int _errors;

    public int Errors => _errors;

    /// <summary>A few operations of every kind, untimed: what a process pays once, before its first request.</summary>
    public async Task WarmUpAsync()
    {
        var random = new Random(0);
        for (var n = 0; n < 10; n++)
        {
            await OneAsync(random);
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        _timing = true;
        var loops = Enumerable.Range(0, plan.Tasks).Select(n => Task.Run(() => LoopAsync(new Random(HashCode.Combine(_run, n)), stop)));
        await Task.WhenAll(loops);
    }

    private async Task LoopAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await OneAsync(random);
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _errors);
                await Console.Error.WriteLineAsync($"{worker}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private Task OneAsync(Random random) => plan.Mix switch
    {
        WorkerMix.Everything => random.Next(10) switch
        {
            < 3 => ClaimAsync(random),
            < 5 => ChargeAsync(random, random.Next(1, 200) * 1_000L),
            < 9 => OrderAndPayAsync(random, withCoupon: random.Next(3) == 0),
            _ => RestockAsync(random),
        },
        WorkerMix.Payments => random.Next(4) == 0 ? ChargeAsync(random, 500_000) : OrderAndPayAsync(random, withCoupon: false),
        WorkerMix.PaymentsAndClaims => random.Next(2) == 0 ? ClaimAsync(random) : OrderAndPayAsync(random, withCoupon: false),
        WorkerMix.Charges => ChargeAsync(random, random.Next(1, 11) * 100_000L),
        WorkerMix.SinkAppends => AppendAsync(),
        _ => throw new InvalidOperationException($"Unknown mix {plan.Mix}."),
    };

    private string NextKey() => $"{_run}-{Interlocked.Increment(ref _sequence)}";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private async Task<Result<T>> TimedAsync<T>(string kind, Func<Task<Result<T>>> operation)
    {
        var watch = Stopwatch.StartNew();
        var result = await operation();
        if (_timing)
        {
            latencies.Add(kind, watch.Elapsed);
        }

        return result;
    }

    private async Task ClaimAsync(Random random)
    {
        var (shopper, campaign) = (Pick(random, plan.Shoppers), Pick(random, plan.Campaigns));
        var claimed = await TimedAsync("claim", () => _coupons.ClaimAsync(shopper, campaign));
        if (claimed.IsSuccess)
        {
            Acknowledgements.Write($"ack claim {claimed.Value.Id} {shopper} {campaign}");
        }
    }

    private async Task ChargeAsync(Random random, long amount)
    {
        var (shopper, key) = (Pick(random, plan.Shoppers), NextKey());
        var charged = await TimedAsync("charge", () => _wallets.ChargeAsync(shopper, amount, key));
        if (charged.IsSuccess)
        {
            Acknowledgements.Write($"ack charge {key} {shopper} {amount}");
        }
    }

    private async Task OrderAndPayAsync(Random random, bool withCoupon)
    {
        var shopper = Pick(random, plan.Shoppers);
        var coupon = withCoupon
            ? (await _coupons.GetMyCouponsAsync(shopper)).FirstOrDefault(c => c.State == CouponState.Valid)?.Id
            : null;
        var lines = new[] { new CartLine(Pick(random, plan.Products), random.Next(1, 3)) };
        var placed = await TimedAsync("order", () => _orders.PlaceAsync(shopper, new PlaceOrder(lines, coupon, NextKey())));
        if (!placed.IsSuccess)
        {
            return;
        }

        var paid = await TimedAsync("pay", () => _orders.PayAsync(shopper, placed.Value.Id));
        if (paid.IsSuccess)
        {
            Acknowledgements.Write($"ack pay {placed.Value.Id} {shopper}");
        }
        else
        {
            // Not payable now (balance or stock): give its stock claim and coupon back at once instead of at expiry.
            await _orders.CancelAsync(shopper, placed.Value.Id);
        }
    }

    private async Task RestockAsync(Random random)
    {
        var product = Pick(random, plan.Products);
        var restocked = await TimedAsync("restock", () => _inventory.AdjustStockAsync(product, 3, "restock", "admin@example.com"));
        if (restocked.IsSuccess)
        {
            Acknowledgements.Write($"ack restock {product}");
        }
    }

    private async Task AppendAsync()
    {
        var key = NextKey();
        var message = new DataPlatformMessage(key, OutboxMessage.OrderPaidType, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc),
            $"{{\"worker\":\"{worker}\",\"padding\":\"{new string('x', 200 + (key.Length * 7 % 300))}\"}}");
        var watch = Stopwatch.StartNew();
        await _sink.SendAsync(message, CancellationToken.None);
        latencies.Add("append", watch.Elapsed);
        Acknowledgements.Write($"ack append {key}");
    }
}
