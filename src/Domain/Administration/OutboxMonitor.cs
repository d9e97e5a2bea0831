using ECommerce.Domain.DataPlatform;

namespace ECommerce.Domain.Administration;

/// <summary>What the data-platform outbox holds: pending, delivered and failing messages with their last error.</summary>
public sealed class OutboxMonitor(ShopDatabase database)
{
    public async Task<Page<OutboxRow>> GetPageAsync(OutboxQuery query, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        var messages = db.Outbox.AsQueryable();
        if (query.State is { } state)
        {
            messages = messages.Where(m => m.State == state);
        }

        return await messages
            .OrderByDescending(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.IdempotencyKey, m.CreatedAt, m.State, m.Attempts, m.NextAttemptAt, m.DeliveredAt,
                m.LastError))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        var counts = await db.Outbox
            .GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, ct);
        return new OutboxCounts(
            counts.GetValueOrDefault(OutboxState.Pending), counts.GetValueOrDefault(OutboxState.Delivered),
            counts.GetValueOrDefault(OutboxState.Failing));
    }
}
