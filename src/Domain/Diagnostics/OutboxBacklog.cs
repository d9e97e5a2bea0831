using ECommerce.Domain.DataPlatform;

namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// The outbox's backlog for the metrics and the operations page. A scrape or a page refresh every second must not
/// become a query every second per reader, so one read serves everyone for <see cref="Freshness"/>.
/// </summary>
public sealed class OutboxBacklog(ShopDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly Lock _reading = new();
    private OutboxLag? _last;

    /// <summary>The last read if it is fresh enough, else a new one (synchronous: metric callbacks cannot await).</summary>
    public OutboxLag Current()
    {
        var now = clock.GetUtcNow();
        if (_last is { } fresh && now - fresh.ReadAt < Freshness)
        {
            return fresh;
        }

        lock (_reading)
        {
            if (_last is { } readMeanwhile && now - readMeanwhile.ReadAt < Freshness)
            {
                return readMeanwhile;
            }

            return _last = Read(now);
        }
    }

    private OutboxLag Read(DateTimeOffset now)
    {
        using var db = database.Open();
        var waiting = OutboxMessage.Waiting(db, _ => true);
        var count = waiting.LongCount();
        var oldest = count == 0 ? (DateTime?)null : waiting.Min(m => (DateTime?)m.CreatedAt);
        var age = oldest is { } created ? now.UtcDateTime - DateTime.SpecifyKind(created, DateTimeKind.Utc) : TimeSpan.Zero;
        return new OutboxLag(count, age < TimeSpan.Zero ? TimeSpan.Zero : age, now);
    }
}
