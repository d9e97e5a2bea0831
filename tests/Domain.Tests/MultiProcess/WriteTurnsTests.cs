using System.Diagnostics;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// The cross-process turn queue on a real file: a slow holder keeps its turn, a turn drawn by a process that is gone is
/// skipped quickly, and a skipped holder that finishes late passes on nothing. Two queues over one file stand for two
/// processes; a finished child process's id stands for a process killed in its turn.
/// </summary>
public sealed class WriteTurnsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("write-turns-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "shop.db");

    [Fact]
    public async Task A_slow_holder_keeps_its_turn()
    {
        using var first = WriteTurns.For(DatabaseFile);
        using var second = WriteTurns.For(DatabaseFile);

        var held = await first.TakeAsync(CancellationToken.None);
        var waiting = second.TakeAsync(CancellationToken.None);
        // Far past the old 500 ms stall limit: a live holder descheduled on a loaded machine looks like this.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(waiting.IsCompleted, "The second writer took the turn of a live holder.");

        held.Dispose();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_turn_of_a_process_that_is_gone_is_skipped_quickly()
    {
        using var turns = WriteTurns.For(DatabaseFile);
        turns.Draw(await GoneProcessIdAsync());

        var watch = Stopwatch.StartNew();
        (await turns.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        // Well under the 5 s limit that applies to a live process: the dead one was recognised, not waited out.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Took {watch.Elapsed.TotalMilliseconds:F0} ms to skip a dead process's turn.");
    }

    [Fact]
    public async Task A_skipped_turn_passes_nothing_on()
    {
        using var turns = WriteTurns.For(DatabaseFile);
        var abandoned = turns.Draw(await GoneProcessIdAsync());
        var holder = await turns.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var next = turns.TakeAsync(CancellationToken.None);

        // The skipped turn's owner finishing late must not hand the current holder's turn to the next writer.
        new WriteTurns.Turn(turns, abandoned).Dispose();
        await Task.Delay(300);
        Assert.False(next.IsCompleted, "A late pass-on of a skipped turn let two writers in at once.");

        holder.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    /// <summary>The id of a process that ran and is gone (reaped).</summary>
    private static async Task<int> GoneProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
