using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// A first-come-first-served queue for the write lock of one SQLite file, shared by every process that writes it.
/// <para>
/// SQLite's own wait for a lock held by another process is a sleep in growing steps (up to 100 ms), and the holder
/// takes the lock again microseconds after its commit: with three processes, one did five times another's work and
/// single operations waited seconds. Here each writer draws a ticket from a counter in a small memory-mapped file
/// beside the database (<c>shop.db-turns</c>) and begins its transaction when the "now serving" counter reaches it;
/// the commit passes the turn on. So processes take turns in arrival order, and a waiter sees its turn within a
/// millisecond.
/// </para>
/// <para>
/// The queue is for fairness only; SQLite's lock still guarantees correctness. A process killed while holding or
/// awaiting a turn would stop the queue, so a waiter that sees no progress for <see cref="StallLimit"/> skips that
/// turn; in the worst case two writers then meet at SQLite's lock, which makes one wait (busy timeout) as before.
/// </para>
/// </summary>
internal sealed class WriteTurns : IDisposable
{
    private static readonly TimeSpan StallLimit = TimeSpan.FromMilliseconds(500);

    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly nint _counters;

    private unsafe WriteTurns(FileStream file)
    {
        _map = MemoryMappedFile.CreateFromFile(file, mapName: null, capacity: 128, MemoryMappedFileAccess.ReadWrite,
            HandleInheritability.None, leaveOpen: false);
        _view = _map.CreateViewAccessor(0, 128);
        byte* start = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        start += _view.PointerOffset;
        _counters = (nint)start;
    }

    /// <summary>The next ticket to draw.</summary>
    private unsafe ref long Next => ref *(long*)_counters;

    /// <summary>The ticket whose turn it is; on its own cache line, since waiters read it in a loop while others draw.</summary>
    private unsafe ref long Serving => ref *(long*)(_counters + 64);

    /// <summary>The queue of the file the connection string names, or null for an in-memory database.</summary>
    public static WriteTurns? For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        var path = Path.GetFullPath(builder.DataSource) + "-turns";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Shared, not exclusive: every process maps the same file at once.
        return new WriteTurns(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete));
    }

    /// <summary>Waits for this writer's turn; dispose the result right after the commit (or rollback) to pass it on.</summary>
    public async Task<Turn> TakeAsync(CancellationToken ct)
    {
        var ticket = Interlocked.Increment(ref Next) - 1;
        try
        {
            await WaitForAsync(ticket, ct);
        }
        catch (OperationCanceledException)
        {
            // The ticket stays in the queue: wait for it out of sight and pass it on at once, so nobody stalls on it.
            _ = WaitForAsync(ticket, CancellationToken.None).ContinueWith(_ => PassOn(), TaskScheduler.Default);
            throw;
        }

        return new Turn(this);
    }

    private async Task WaitForAsync(long ticket, CancellationToken ct)
    {
        var seen = Volatile.Read(ref Serving);
        var since = Stopwatch.GetTimestamp();
        for (var round = 0; ; round++)
        {
            var serving = Volatile.Read(ref Serving);
            if (serving >= ticket)
            {
                return;
            }

            if (serving != seen)
            {
                (seen, since) = (serving, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(since) > StallLimit)
            {
                // The turn's holder died (or draws a ticket it never used): skip it. Of several waiters, one skips.
                Interlocked.CompareExchange(ref Serving, serving + 1, serving);
                since = Stopwatch.GetTimestamp();
                continue;
            }

            if (round < 20)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1, ct);
            }
        }
    }

    private void PassOn() => Interlocked.Increment(ref Serving);

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }

    /// <summary>This writer's turn at the file's write lock.</summary>
    public readonly struct Turn(WriteTurns? turns) : IDisposable
    {
        public void Dispose() => turns?.PassOn();
    }
}
