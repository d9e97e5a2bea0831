using ECommerce.Domain.Diagnostics;

namespace ECommerce.Domain.Persistence;

/// <summary>How often units of work ran, and how often they had to run again after a conflict (also as metrics).</summary>
public sealed class ConcurrencyStatistics(ShopMetrics metrics)
{
    private long _units;
    private long _retries;
    private long _exhausted;
    private long _maxAttempts;
    private long _batches;
    private long _batchedCommands;

    public long Units => Interlocked.Read(ref _units);
    public long Retries => Interlocked.Read(ref _retries);
    public long Exhausted => Interlocked.Read(ref _exhausted);

    /// <summary>Group-committed batches decided, and the commands they held (their mean size says how well commands gather).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long BatchedCommands => Interlocked.Read(ref _batchedCommands);

    /// <summary>The most runs any single unit of work needed.</summary>
    public long MaxAttemptsSeen => Interlocked.Read(ref _maxAttempts);

    /// <summary>Starts counting afresh, e.g. after a test's setup and before its race.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _units, 0);
        Interlocked.Exchange(ref _retries, 0);
        Interlocked.Exchange(ref _exhausted, 0);
        Interlocked.Exchange(ref _maxAttempts, 0);
        Interlocked.Exchange(ref _batches, 0);
        Interlocked.Exchange(ref _batchedCommands, 0);
    }

    internal void RecordRetry()
    {
        Interlocked.Increment(ref _retries);
        metrics.RecordRetry();
    }

    internal void RecordExhausted()
    {
        Interlocked.Increment(ref _exhausted);
        metrics.RecordBusy();
    }

    internal void RecordBatch(int size)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchedCommands, size);
        metrics.RecordBatch(size);
    }

    internal void RecordUnit(int attempts)
    {
        Interlocked.Increment(ref _units);
        long seen;
        while (attempts > (seen = Interlocked.Read(ref _maxAttempts))
               && Interlocked.CompareExchange(ref _maxAttempts, attempts, seen) != seen)
        {
        }
    }

    public override string ToString() =>
        $"units={Units} retries={Retries} max_attempts={MaxAttemptsSeen} exhausted={Exhausted}";
}
