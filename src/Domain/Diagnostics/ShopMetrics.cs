using System.Diagnostics.Metrics;

namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// The shop's own figures as .NET metrics (meter <see cref="MeterName"/>): claims, payments and charges by outcome,
/// refusals by reason, unit-of-work retries and busy answers, group-commit batch sizes, and the outbox's backlog and
/// lag. The host decides where they go (Prometheus at /metrics, see docs/operations.md); the same tallies feed the
/// admin's operations page. Per process: each instance counts what it served.
/// </summary>
public sealed class ShopMetrics
{
    public const string MeterName = "ECommerce.Shop";

    private readonly Counter<long> _claims;
    private readonly Counter<long> _payments;
    private readonly Counter<long> _charges;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _busy;
    private readonly Histogram<int> _batchSizes;

    private readonly EnumTally<ShopAction> _accepted = new();
    private readonly EnumTally<ShopAction> _refused = new();
    private readonly EnumTally<ErrorCode> _refusalsByReason = new();
    private long _retryCount;
    private long _busyCount;
    private long _batchCount;
    private long _batchedCommands;

    public ShopMetrics(IMeterFactory meters, OutboxBacklog outbox)
    {
        var meter = meters.Create(MeterName);
        _claims = meter.CreateCounter<long>("shop.claims", "{claim}", "Coupon claims answered, by outcome (accepted or refused).");
        _payments = meter.CreateCounter<long>("shop.payments", "{payment}", "Order payments answered, by outcome.");
        _charges = meter.CreateCounter<long>("shop.charges", "{charge}", "Wallet charges answered, by outcome.");
        _refusals = meter.CreateCounter<long>("shop.refusals", "{refusal}",
            "Claims, payments and charges refused, by action and by the domain's reason (ErrorCode).");
        _retries = meter.CreateCounter<long>("shop.unit_of_work.retries", "{retry}",
            "Units of work run again after a concurrency conflict.");
        _busy = meter.CreateCounter<long>("shop.unit_of_work.busy", "{answer}",
            "Units of work that gave up after their last conflicting attempt and answered Busy.");
        _batchSizes = meter.CreateHistogram("shop.group_commit.batch_size", "{command}",
            "Commands decided together in one group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        meter.CreateObservableGauge("shop.outbox.backlog", () => outbox.Current().Backlog, "{message}",
            "Outbox messages not yet delivered to the data platform (read at most every 2 s).");
        meter.CreateObservableGauge("shop.outbox.oldest_undelivered_age", () => outbox.Current().OldestAge.TotalSeconds, "s",
            "How long the oldest undelivered outbox message has waited (read at most every 2 s).");
    }

    /// <summary>Counts one answered claim, payment or charge; a refusal also by its reason.</summary>
    internal void Record<T>(ShopAction action, Result<T> outcome)
    {
        var accepted = outcome.IsSuccess;
        var outcomeTag = new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "refused");
        CounterFor(action).Add(1, outcomeTag);
        (accepted ? _accepted : _refused).Increment(action);
        if (!outcome.IsSuccess)
        {
            var reason = outcome.Error.Code;
            _refusals.Add(1, new("action", ActionName(action)), new("reason", reason.ToString()));
            _refusalsByReason.Increment(reason);
        }
    }

    internal void RecordRetry()
    {
        _retries.Add(1);
        Interlocked.Increment(ref _retryCount);
    }

    internal void RecordBusy()
    {
        _busy.Add(1);
        Interlocked.Increment(ref _busyCount);
    }

    internal void RecordBatch(int size)
    {
        _batchSizes.Record(size);
        Interlocked.Increment(ref _batchCount);
        Interlocked.Add(ref _batchedCommands, size);
    }

    /// <summary>This process's totals so far.</summary>
    public ShopFigures Read() => new(
        _accepted.Read(),
        _refused.Read(),
        _refusalsByReason.Read(),
        Interlocked.Read(ref _retryCount),
        Interlocked.Read(ref _busyCount),
        Interlocked.Read(ref _batchCount),
        Interlocked.Read(ref _batchedCommands));

    private Counter<long> CounterFor(ShopAction action) => action switch
    {
        ShopAction.Claim => _claims,
        ShopAction.Payment => _payments,
        _ => _charges,
    };

    private static string ActionName(ShopAction action) => action switch
    {
        ShopAction.Claim => "claim",
        ShopAction.Payment => "payment",
        _ => "charge",
    };
}
