using System.Diagnostics.Metrics;
using ECommerce.Domain.Diagnostics;

namespace ECommerce.Storefront.Operations;

/// <summary>
/// Blazor circuits this instance holds (connected or waiting for their shopper to reconnect): the metric
/// <c>shop.circuits.open</c> and the figure on the operations page. Each circuit's memory lives here, so it is the
/// instance's capacity figure (docs/operations.md).
/// </summary>
public sealed class OpenCircuits
{
    private readonly UpDownCounter<long> _open;
    private long _count;

    public OpenCircuits(IMeterFactory meters)
    {
        _open = meters.Create(ShopMetrics.MeterName)
            .CreateUpDownCounter<long>("shop.circuits.open", "{circuit}", "Blazor circuits held by this instance.");
    }

    public long Count => Interlocked.Read(ref _count);

    internal void Opened()
    {
        Interlocked.Increment(ref _count);
        _open.Add(1);
    }

    internal void Closed()
    {
        Interlocked.Decrement(ref _count);
        _open.Add(-1);
    }
}
