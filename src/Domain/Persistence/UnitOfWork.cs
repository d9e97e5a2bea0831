using ECommerce.Domain.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Runs one use case against a fresh context and saves it in one transaction. When an optimistic token
/// (or a unique index, or the database's own lock) reports that someone else got there first, the whole
/// unit runs again from its reads, after a short random pause; after
/// <see cref="ConcurrencyOptions.MaxAttempts"/> runs the caller gets <see cref="ShopError.Busy"/>.
/// A unit that returns a failure is not saved: a refusal never changes anything.
/// Public only so the domain's public services can take it; only the domain can run a unit.
/// </summary>
public sealed class UnitOfWork(
    ShopDatabase contexts,
    IOptions<DatabaseOptions> database,
    IOptions<ConcurrencyOptions> concurrency,
    ConcurrencyStatistics statistics,
    ChangeFeed feed,
    ILogger<UnitOfWork> logger) : IDisposable
{
    /// <summary>
    /// SQLite lets one writer in at a time. Writers of this process queue here, asynchronously and in
    /// order, instead of in SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and
    /// collapses throughput under contention. Other processes' writers queue with them in <see cref="WriteTurns"/>.
    /// </summary>
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>
    /// Across processes, writers of an SQLite file take turns in arrival order (see <see cref="WriteTurns"/>).
    /// PostgreSQL locks rows, not the database: its writers of other processes overlap, and the tokens decide.
    /// </summary>
    private readonly Lazy<WriteTurns?> _turns = new(() =>
        concurrency.Value.WriteTurns && database.Value.SqliteFile is { } file ? WriteTurns.For(file) : null);

    internal bool GroupCommit => concurrency.Value.GroupCommit;

    internal ConcurrencyStatistics Statistics => statistics;

    internal async Task<Result<T>> RunAsync<T>(Func<ShopDbContext, Task<Result<T>>> work, CancellationToken ct = default)
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
        await using var db = await contexts.OpenAsync(ct);
        // What this attempt writes, published to the open pages once (and only if) it commits: the one place
        // where the change feed hears of every write (docs/live-figures.md).
        var changes = db.Changes = new ShopChanges();
        try
        {
            var result = await RunOnceAsync(db, work, ct);
            if (result.IsSuccess)
            {
                feed.Committed(changes);
            }

            return result;
        }
        finally
        {
            db.Changes = null;
        }
    }

    private async Task<Result<T>> RunOnceAsync<T>(ShopDbContext db, Func<ShopDbContext, Task<Result<T>>> work, CancellationToken ct)
    {
        // A unit that fails is thrown away whole and run again: EF's savepoint around SaveChanges inside our own
        // transaction (two more statements per save) would only let a failed save be retried within it.
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.OpenConnectionAsync(ct);
        if (database.Value.TransactionShape == TransactionShape.Optimistic)
        {
            var optimistic = await work(db);
            if (optimistic.IsSuccess)
            {
                // No gate here: a queue of writers whose reads are already stale would only fail in turn.
                await db.SaveChangesAsync(ct);
                await feed.AnnounceAsync(db, db.Changes!, ct);
            }

            return optimistic;
        }

        return await WithWriteGateAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(db);
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(ct);
                // In the transaction: PostgreSQL delivers the NOTIFY on commit, and never for a rollback.
                await feed.AnnounceAsync(db, db.Changes!, ct);
                await transaction.CommitAsync(ct);
            }

            return result;
        }, ct);
    }

    /// <summary>
    /// A write outside a unit of work (the outbox dispatcher's lease and delivery marks), on this process's gate and
    /// the file's turn like every unit: a writer that skips the queue holds SQLite's lock while the writer whose turn
    /// it is sleeps in SQLite's busy handler (measured with three processes: a unit's BEGIN waited up to 1.7 s).
    /// </summary>
    internal Task<TResult> WriteInTurnAsync<TResult>(Func<Task<TResult>> write, CancellationToken ct) => WithWriteGateAsync(write, ct);

    private async Task<TResult> WithWriteGateAsync<TResult>(Func<Task<TResult>> write, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            using var turn = _turns.Value is { } turns ? await turns.TakeAsync(ct) : default;
            return await write();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        if (_turns.IsValueCreated)
        {
            _turns.Value?.Dispose();
        }
    }

    /// <summary>Exponential backoff with full jitter, so racing units spread out instead of colliding again.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var options = concurrency.Value;
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
