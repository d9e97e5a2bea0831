using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Runs one use case against a fresh context and saves it in one transaction. When an optimistic token
/// (or a unique index, or the database's own lock) reports that someone else got there first, the whole
/// unit runs again from its reads, after a short random pause; after
/// <see cref="ConcurrencyOptions.MaxAttempts"/> runs the caller gets <see cref="ShopError.Busy"/>.
/// A unit that returns a failure is not saved: a refusal never changes anything.
/// </summary>
public sealed class UnitOfWork(
    IDbContextFactory<ShopDbContext> contexts,
    IOptions<DatabaseOptions> database,
    IOptions<ConcurrencyOptions> concurrency,
    ConcurrencyStatistics statistics,
    ILogger<UnitOfWork> logger)
{
    public async Task<Result<T>> RunAsync<T>(Func<ShopDbContext, Task<Result<T>>> work, CancellationToken ct = default)
    {
        var maxAttempts = Math.Max(1, concurrency.Value.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await RunOnceAsync(work, ct);
                statistics.RecordUnit(attempt);
                return result;
            }
            catch (Exception e) when (Conflicts.IsConflict(e))
            {
                if (attempt >= maxAttempts)
                {
                    statistics.RecordUnit(attempt);
                    statistics.RecordExhausted();
                    logger.LogWarning(e, "Unit of work gave up after {Attempts} conflicting attempts", attempt);
                    return ShopError.Busy;
                }

                statistics.RecordRetry();
                // A real pause, not the shop clock: tests that stop the clock must not stop retries.
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    private async Task<Result<T>> RunOnceAsync<T>(Func<ShopDbContext, Task<Result<T>>> work, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        if (database.Value.TransactionShape == TransactionShape.Optimistic)
        {
            var optimistic = await work(db);
            if (optimistic.IsSuccess)
            {
                await db.SaveChangesAsync(ct);
            }

            return optimistic;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work(db);
        if (result.IsSuccess)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return result;
    }

    /// <summary>Exponential backoff with full jitter, so racing units spread out instead of colliding again.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var options = concurrency.Value;
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
