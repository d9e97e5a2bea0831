using ECommerce.Domain.Diagnostics;

namespace ECommerce.Storefront.Operations;

/// <summary>What the operations page shows: rates over the last refresh, the totals since start, the outbox and the circuits.</summary>
public sealed record OperationsView(
    IReadOnlyDictionary<ShopAction, double> AcceptedPerSecond,
    double RefusalsPerSecond,
    double RetriesPerSecond,
    ShopFigures Totals,
    OutboxLag Outbox,
    long CircuitsOpen)
{
    /// <summary>The rates between two readings <paramref name="elapsed"/> apart; none before a second reading.</summary>
    public static OperationsView Between(ShopFigures? before, ShopFigures now, TimeSpan elapsed, OutboxLag outbox, long circuits)
    {
        double Rate(long then, long current) =>
            before is null || elapsed <= TimeSpan.Zero ? 0 : Math.Max(0, current - then) / elapsed.TotalSeconds;

        var accepted = Enum.GetValues<ShopAction>().ToDictionary(
            action => action,
            action => Rate(before?.Accepted.GetValueOrDefault(action) ?? 0, now.Accepted.GetValueOrDefault(action)));
        return new OperationsView(
            accepted,
            Rate(before?.Refused.Values.Sum() ?? 0, now.Refused.Values.Sum()),
            Rate(before?.Retries ?? 0, now.Retries),
            now,
            outbox,
            circuits);
    }
}
