using System.Threading.RateLimiting;
using ECommerce.Storefront.Api;

namespace ECommerce.Api.Tests.Limits;

/// <summary>One shopper's window of claims, on a clock the test moves: the rule of a fixed window, without a timer.</summary>
public sealed class ShopperClaimWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_permits_of_a_window_are_granted_then_refused_with_the_time_left_until_it_ends()
    {
        var clock = new SteppedClock();
        using var claims = new ShopperClaimWindow(3, Window, clock);
        for (var i = 0; i < 3; i++)
        {
            using var granted = claims.AttemptAcquire();
            Assert.True(granted.IsAcquired);
        }

        clock.Advance(TimeSpan.FromSeconds(4));
        using var refused = claims.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);
        Assert.Null(claims.IdleDuration);
        Assert.Equal(0, claims.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(1, claims.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public void A_claim_after_the_window_opens_a_new_one_with_all_its_permits()
    {
        var clock = new SteppedClock();
        using var claims = new ShopperClaimWindow(2, Window, clock);
        Assert.True(claims.AttemptAcquire().IsAcquired);
        Assert.True(claims.AttemptAcquire().IsAcquired);
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(claims.AttemptAcquire().IsAcquired);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(claims.AttemptAcquire().IsAcquired);
        Assert.True(claims.AttemptAcquire().IsAcquired);
        Assert.False(claims.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_window_is_idle_from_its_end_so_the_partitioned_limiter_may_drop_it()
    {
        var clock = new SteppedClock();
        using var claims = new ShopperClaimWindow(2, Window, clock);
        Assert.True(claims.AttemptAcquire().IsAcquired);
        Assert.Null(claims.IdleDuration);

        clock.Advance(Window + TimeSpan.FromSeconds(11));
        Assert.Equal(TimeSpan.FromSeconds(11), claims.IdleDuration);
        Assert.Equal(2, claims.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Waiting_for_a_permit_does_not_queue_a_refused_claim()
    {
        var clock = new SteppedClock();
        using var claims = new ShopperClaimWindow(1, Window, clock);
        Assert.True((await claims.AcquireAsync()).IsAcquired);
        Assert.False((await claims.AcquireAsync()).IsAcquired);
    }

    /// <summary>Time that moves only when the test says, in whole ticks.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
