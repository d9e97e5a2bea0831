namespace ECommerce.ApiLoad.Measuring;

/// <summary>Closed-loop workers: each sends its next request as soon as its last one is answered.</summary>
internal static class Load
{
    /// <summary>Runs <paramref name="operation"/> once for each of <paramref name="items"/> with <paramref name="workers"/> at a time; returns the seconds it took.</summary>
    public static async Task<double> EachAsync(int workers, int items, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, items)).Select(_ => Task.Run(async () =>
        {
            for (var item = Interlocked.Increment(ref next); item < items; item = Interlocked.Increment(ref next))
            {
                await operation(item);
            }
        })));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="operation"/>(worker, iteration) in a loop on each worker for <paramref name="duration"/>; returns the seconds it took.</summary>
    public static async Task<double> ForAsync(int workers, TimeSpan duration, Func<int, int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var iteration = 0; clock.Elapsed < duration; iteration++)
            {
                await operation(worker, iteration);
            }
        })));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Awaits <paramref name="request"/> and adds its latency to <paramref name="latencies"/>.</summary>
    public static async Task<T> TimedAsync<T>(Latencies latencies, Func<Task<T>> request)
    {
        var begun = Stopwatch.GetTimestamp();
        var result = await request();
        latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
        return result;
    }
}
