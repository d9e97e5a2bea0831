using System.Diagnostics;

namespace ECommerce.Bench;

/// <summary>
/// What a run measured. <see cref="WarmUpOperations"/> ran before the clock started and changed state too.
/// <see cref="CpuSeconds"/> is the processor time the whole process used while the clock ran: per operation,
/// a figure that other load on the machine barely moves.
/// </summary>
internal sealed record Measured(int Operations, int WarmUpOperations, double Seconds, double CpuSeconds, double P50Ms, double P99Ms)
{
    public double OpsPerSecond => Operations / Seconds;
    public double CpuMicrosecondsPerOperation => Operations == 0 ? 0 : CpuSeconds * 1e6 / Operations;
    public int AllOperations => Operations + WarmUpOperations;
}

/// <summary>Runs workers in a closed loop for a fixed time and measures every operation's latency.</summary>
internal static class Load
{
    /// <summary>
    /// <paramref name="operation"/> gets (worker, iteration) and returns false when that worker has nothing
    /// left to do. The workers first run unmeasured for <paramref name="warmUp"/> (JIT, query compilation,
    /// pools), then all together for <paramref name="duration"/>; iterations keep counting across both phases.
    /// </summary>
    public static async Task<Measured> RunAsync(int workers, TimeSpan duration, Func<int, int, Task<bool>> operation,
        TimeSpan warmUp = default)
    {
        // SQLite's async calls complete synchronously: each worker needs a thread of its own.
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, workers + 8), minIo);

        var next = new int[workers];
        var warmed = warmUp > TimeSpan.Zero ? (await PhaseAsync(workers, warmUp, operation, next)).Latencies.Length : 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var measured = await PhaseAsync(workers, duration, operation, next);
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        var all = measured.Latencies.Order().ToArray();
        return new Measured(all.Length, warmed, measured.Seconds, cpuSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static async Task<(double[] Latencies, double Seconds)> PhaseAsync(
        int workers, TimeSpan duration, Func<int, int, Task<bool>> operation, int[] next)
    {
        var latencies = new List<double>[workers];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var runners = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            await start.Task;
            while (clock.Elapsed < duration)
            {
                var begun = Stopwatch.GetTimestamp();
                if (!await operation(w, next[w]))
                {
                    return;
                }

                next[w]++;
                mine.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }
        })).ToArray();

        clock.Start();
        start.SetResult();
        await Task.WhenAll(runners);
        return (latencies.SelectMany(l => l).ToArray(), clock.Elapsed.TotalSeconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
