using System.Diagnostics;
using System.Linq.Expressions;
using ECommerce.Domain.Auditing;
using ECommerce.Domain.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// Delivers due outbox messages to the data platform. Each batch is leased first, so dispatchers in
/// several processes never send the same message at the same time; a failed send is retried later with
/// exponential backoff, and a crash mid-batch at worst sends a message again under the same key.
/// </summary>
public sealed class OutboxDispatcher(
    ShopDatabase database,
    UnitOfWork unitOfWork,
    OutboxSignal signal,
    IDataPlatformSink sink,
    IOptions<DataPlatformOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>On PostgreSQL, leases with <c>FOR UPDATE SKIP LOCKED</c>; off only for the benchmark's before/after (outbox-drain).</summary>
    internal bool LeaseSkippingLocked { get; set; } = true;

    /// <summary>Sends one batch of due messages. Returns how many were delivered and how many failed.</summary>
    public async Task<(int Delivered, int Failed)> DispatchDueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        await using var db = await database.OpenAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseId = Guid.NewGuid();
        var leaseEnd = now + settings.LeaseDuration;
        var leasedCount = LeaseSkippingLocked && db.Database.IsNpgsql()
            ? await LeaseSkippingLockedAsync(db, now, leaseId, leaseEnd, settings.BatchSize, ct)
            : await unitOfWork.WriteInTurnAsync(() => LeaseAsync(db, now, leaseId, leaseEnd, settings.BatchSize, ct), ct);
        if (leasedCount == 0)
        {
            return (0, 0);
        }

        // Untracked: the delivered are marked in one statement; only a failed message is attached to record its failure.
        var leased = await db.Outbox.AsNoTracking().Where(m => m.LeaseId == leaseId).OrderBy(m => m.Id).ToListAsync(ct);

        // Each message's delivery is a span of its own, a child of the payment's: started side by side, not nested.
        var outer = Activity.Current;
        var deliveries = leased.Select(message =>
        {
            var delivery = ShopTracing.StartDelivery(message.IdempotencyKey, message.TraceParent);
            Activity.Current = outer;
            return delivery;
        }).ToList();
        // The whole batch in one send: the folder sink appends it with one write and one flush per file.
        Exception?[] failures;
        try
        {
            failures = await sink.SendAllAsync(
                leased.Select(m => new DataPlatformMessage(m.IdempotencyKey, m.Type, m.CreatedAt, m.Payload)).ToList(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A sink that fails as a whole (its folder cannot be made, say) fails every message of the batch: each is
            // recorded as failing and tried again later, not left leased with no attempt counted.
            failures = [.. leased.Select(_ => e)];
        }
        var deliveredAt = clock.GetUtcNow().UtcDateTime;
        var delivered = new List<long>(leased.Count);
        var failed = 0;
        for (var i = 0; i < leased.Count; i++)
        {
            var message = leased[i];
            if (failures[i] is not { } e)
            {
                delivered.Add(message.Id);
            }
            else
            {
                db.Outbox.Attach(message);
                var retryAt = clock.GetUtcNow().UtcDateTime + RetryDelay(message.Attempts + 1);
                logger.LogWarning(e, "Data platform send of {Key} failed (attempt {Attempt}); next try at {RetryAt:O}",
                    message.IdempotencyKey, message.Attempts + 1, retryAt);
                message.MarkFailed($"{e.GetType().Name}: {e.Message}", retryAt);
                failed++;
            }

            deliveries[i]?.Dispose();
            Activity.Current = outer;
        }

        // One write for the batch, in turn with every other writer of the file: a mark per message cost a turn each.
        // A crash before it only sends the batch again under the same keys (at least once); nothing is marked
        // delivered before its send returned.
        if (leased.Count > 0)
        {
            await unitOfWork.WriteInTurnAsync(() => MarkAsync(db, delivered, deliveredAt, failed > 0), CancellationToken.None);
        }

        return (delivered.Count, failed);
    }

    /// <summary>The delivered in one statement, the failed (attached, each marked) through the change tracker; one transaction when both.</summary>
    private static async Task<int> MarkAsync(ShopDbContext db, List<long> delivered, DateTime at, bool anyFailed)
    {
        await using var both = delivered.Count > 0 && anyFailed ? await db.Database.BeginTransactionAsync() : null;
        var marked = delivered.Count == 0 ? 0 : await OutboxMessage.MarkDeliveredAsync(db.Outbox.Where(m => delivered.Contains(m.Id)), at, CancellationToken.None);
        marked += anyFailed ? await db.SaveChangesAsync(CancellationToken.None) : 0;
        if (both is not null)
        {
            await both.CommitAsync();
        }

        return marked;
    }

    /// <summary>Makes a failing message due now (the admin's "retry now"), recorded in the audit log under <paramref name="actor"/>.</summary>
    public async Task<Result<bool>> RetryNowAsync(long messageId, string actor, CancellationToken ct = default)
    {
        if (InputChecks.Actor(actor) is { } noActor)
        {
            return noActor;
        }

        var retried = await unitOfWork.RunAsync<bool>(async db =>
        {
            var message = await db.Outbox.FindAsync([messageId], ct);
            if (message is null)
            {
                return ShopError.NotFound("Outbox message", messageId);
            }

            if (message.State == OutboxState.Delivered)
            {
                return ShopError.Invalid($"Message {messageId} was already delivered.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            message.RetryNow(now);
            AuditLog.Record(db, now, actor, AdminActionKind.OutboxRetried, $"Outbox message {message.Id}",
                $"{message.IdempotencyKey}, {message.Attempts} failed attempts, last error: {message.LastError ?? "none"}");
            return true;
        }, ct);
        if (retried.IsSuccess)
        {
            signal.Notify(); // The running dispatcher tries it at once instead of at its next poll.
        }

        return retried;
    }

    /// <summary>
    /// Reads the first due messages, then leases them with the same conditions again inside the UPDATE: of two
    /// dispatchers racing for a message, one wins, and the other leases nothing this round.
    /// </summary>
    private static async Task<int> LeaseAsync(ShopDbContext db, DateTime now, Guid leaseId, DateTime leaseEnd, int batchSize,
        CancellationToken ct)
    {
        Expression<Func<OutboxMessage, bool>> dueNow = m => m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now);
        var due = await OutboxMessage.Waiting(db, dueNow).OrderBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        return await db.Outbox.Where(m => due.Contains(m.Id) && m.State != OutboxState.Delivered).Where(dueNow)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseId, leaseId).SetProperty(m => m.LeasedUntil, leaseEnd), ct);
    }

    /// <summary>
    /// PostgreSQL: one statement that leases the first due messages no other dispatcher is leasing at this moment
    /// (<c>FOR UPDATE SKIP LOCKED</c>), so racing dispatchers take different batches instead of one waiting for the
    /// other's rows and then finding them leased. See docs/concurrency.md ("PostgreSQL").
    /// </summary>
    private static Task<int> LeaseSkippingLockedAsync(ShopDbContext db, DateTime now, Guid leaseId, DateTime leaseEnd, int batchSize,
        CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "Outbox" SET "LeaseId" = {leaseId}, "LeasedUntil" = {leaseEnd}
            WHERE "Id" IN (SELECT "Id" FROM "Outbox"
                           WHERE "State" IN ({nameof(OutboxState.Pending)}, {nameof(OutboxState.Failing)}) AND "NextAttemptAt" <= {now}
                                 AND ("LeasedUntil" IS NULL OR "LeasedUntil" < {now})
                           ORDER BY "Id" LIMIT {batchSize}
                           FOR UPDATE SKIP LOCKED)
            """, ct);

    /// <summary>1 s, 2 s, 4 s … up to the configured maximum, each with up to 20 % jitter.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (0.2 * Random.Shared.NextDouble())));
    }
}
