using System.Collections.Concurrent;
using System.Diagnostics;
using ECommerce.Domain.Live;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Live;

/// <summary>What one subscriber of <see cref="LiveFigures"/> received, as an open page would.</summary>
internal sealed class FigureUpdates
{
    private readonly ConcurrentQueue<FigureUpdate> _received = new();

    public IReadOnlyCollection<FigureUpdate> Received => _received;

    /// <summary>
    /// Waits out the flush of what the test's setup changed (a new product, a campaign), so that the first update a
    /// subscriber takes is the one the test makes. At least a few flush intervals (a neighbour's NOTIFY is on its
    /// way meanwhile), then until the hub has nothing left to hand out, however slow the machine.
    /// </summary>
    public static async Task SettleAsync(ShopHarness shop)
    {
        var figures = shop.Get<LiveFigures>();
        await Task.Delay(3 * shop.Get<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.FlushInterval);
        var clock = Stopwatch.StartNew();
        while (!figures.IsIdle && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }
    }

    public Task Take(FigureUpdate update)
    {
        _received.Enqueue(update);
        return Task.CompletedTask;
    }

    /// <summary>A shopper charges their wallet, orders and pays: payment takes the units from the shelf (placing only checks them).</summary>
    public static async Task SellAsync(ShopHarness shop, int productId, int quantity)
    {
        await shop.ChargeAsync("ann", 100_000);
        var order = await shop.PlaceAsync("ann", productId, quantity);
        Assert.True((await shop.Orders.PayAsync("ann", order.Id)).IsSuccess);
    }

    /// <summary>The first update that <paramref name="shows"/> what is awaited, and how long it took to come.</summary>
    public async Task<(FigureUpdate Update, TimeSpan After)> WaitForAsync(Func<FigureUpdate, bool> shows, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (_received.FirstOrDefault(shows) is { } update)
            {
                return (update, clock.Elapsed);
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No update showed the change within {within}; received {_received.Count}.");
    }
}
