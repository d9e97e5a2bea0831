namespace ECommerce.Api.Tests.Support;

/// <summary>A clock the test moves by hand, starting at the real time (so the keys and accounts made at start-up are current).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
