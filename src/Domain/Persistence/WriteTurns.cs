using System.Collections.Concurrent;
using System.Diagnostics;
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
/// awaiting a turn would stop the queue, so each ticket records the process that drew it, and a waiter that sees no
/// progress for <see cref="CheckAfter"/> looks that process up: a turn is skipped when its process is gone (or after
/// <see cref="StallLimit"/> whatever it is). A turn is never skipped only because its holder is slow: on a loaded
/// machine a live holder descheduled for half a second was skipped, the next writer then slept in SQLite's busy
/// handler behind it, and the late holder's pass-on skipped a second turn, so the queue fell apart exactly when it
/// was needed most. Passing on is a compare-and-swap from the holder's own ticket, so a skipped turn passes nothing.
/// </para>
/// </summary>
internal sealed class WriteTurns(TurnsFile file) : IDisposable
{
    /// <summary>How long a turn may show no progress before its process is looked up.</summary>
    private static readonly TimeSpan CheckAfter = TimeSpan.FromMilliseconds(100);

    /// <summary>Skips even a live process's turn: a holder in another PID namespace (so not found here), or one stuck.</summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(5);

    /// <summary>Tickets this queue drew and has not passed on: marked abandoned when it is disposed, so nobody waits for them.</summary>
    private readonly ConcurrentDictionary<long, byte> _outstanding = new();

    /// <summary>The queue of an SQLite file (<see cref="DatabaseOptions.SqliteFile"/>).</summary>
    public static WriteTurns For(string file)
    {
        var path = file + "-turns";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Shared, not exclusive: every process maps the same file at once.
        return new WriteTurns(new TurnsFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)));
    }

    /// <summary>Waits for this writer's turn; dispose the result right after the commit (or rollback) to pass it on.</summary>
    public async Task<Turn> TakeAsync(CancellationToken ct)
    {
        var ticket = Draw(Environment.ProcessId);
        try
        {
            await WaitForAsync(ticket, ct);
        }
        catch (OperationCanceledException)
        {
            // The ticket stays in the queue: wait for it out of sight and pass it on at once, so nobody stalls on it.
            _ = WaitForAsync(ticket, CancellationToken.None).ContinueWith(_ => PassOn(ticket), TaskScheduler.Default);
            throw;
        }

        return new Turn(this, ticket);
    }

    /// <summary>Draws a ticket in the name of <paramref name="processId"/> (the tests draw one for a process that is gone).</summary>
    internal long Draw(int processId)
    {
        var ticket = file.Draw(processId);
        _outstanding[ticket] = 0;
        return ticket;
    }

    private async Task WaitForAsync(long ticket, CancellationToken ct)
    {
        var seen = file.ReadServing();
        var since = Stopwatch.GetTimestamp();
        for (var round = 0; ; round++)
        {
            var serving = file.ReadServing();
            if (serving >= ticket)
            {
                return;
            }

            if (serving != seen)
            {
                (seen, since) = (serving, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(since) is var stalled && stalled > CheckAfter && IsAbandoned(serving, stalled))
            {
                // The turn's process is gone: skip its turn. Of several waiters, one skips.
                file.PassOn(serving);
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

    /// <summary>Whether the turn of <paramref name="ticket"/>, stalled that long, belongs to no running process.</summary>
    private bool IsAbandoned(long ticket, TimeSpan stalled) =>
        stalled > StallLimit
        // A slot that does not name the ticket: drawn a moment ago, or by a process killed between its two steps.
        || (file.DrawerOf(ticket) is { } drawer && !RunningProcess.Exists(drawer));

    private void PassOn(long ticket)
    {
        _outstanding.TryRemove(ticket, out _);
        file.PassOn(ticket);
    }

    public void Dispose()
    {
        foreach (var ticket in _outstanding.Keys)
        {
            file.Abandon(ticket);
        }

        file.Dispose();
    }

    /// <summary>This writer's turn at the file's write lock.</summary>
    public readonly struct Turn(WriteTurns? turns, long ticket) : IDisposable
    {
        public void Dispose() => turns?.PassOn(ticket);
    }
}
