using System.Threading.RateLimiting;

namespace ECommerce.Storefront.Api;

/// <summary>
/// One shopper's fixed window of claims: <c>permits</c> per <c>window</c>, the window starting at the first claim
/// after the last one ended. It reopens when a claim arrives after it, not on a timer: ASP.NET Core's partitioned
/// limiter replenishes every replenishing partition (a <see cref="FixedWindowRateLimiter"/>) every 100 ms, which
/// during a rush of 10,000 shoppers was a walk over 10,000 locked windows ten times a second (docs/performance.md).
/// This one is not a <see cref="ReplenishingRateLimiter"/>, so that walk only asks each partition whether it is idle
/// (its window over), and drops it after 10 s idle: a later claim starts a fresh window, as it would have anyway.
/// No queue: a claim past the limit is refused at once, with the time until the window ends as Retry-After.
/// </summary>
public sealed class ShopperClaimWindow(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private static readonly RateLimitLease Granted = new WindowLease(true, null);

    private readonly Lock _counting = new();
    private readonly long _windowTicks = (long)(window.TotalSeconds * clock.TimestampFrequency);
    private long _windowStart = clock.GetTimestamp();
    private int _used;
    private long _granted;
    private long _refused;

    /// <summary>Time since the window ended: the limiter holds nothing a new one would not (null while it is open with claims in it).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = clock.GetTimestamp();
            var start = Volatile.Read(ref _windowStart);
            return now - start >= _windowTicks ? clock.GetElapsedTime(start + _windowTicks, now)
                : Volatile.Read(ref _used) == 0 ? TimeSpan.Zero : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_counting)
        {
            var open = clock.GetTimestamp() - _windowStart < _windowTicks;
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = open ? permits - _used : permits,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (_counting)
        {
            var now = clock.GetTimestamp();
            if (now - _windowStart >= _windowTicks)
            {
                Volatile.Write(ref _windowStart, now);
                Volatile.Write(ref _used, 0);
            }

            if (permitCount <= permits - _used)
            {
                Volatile.Write(ref _used, _used + permitCount);
                _granted++;
                return Granted;
            }

            _refused++;
            return new WindowLease(false, clock.GetElapsedTime(now, _windowStart + _windowTicks));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
