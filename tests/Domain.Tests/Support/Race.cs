namespace ECommerce.Domain.Tests.Support;

/// <summary>Starts every operation on its own thread-pool task, released together, and waits for all of them.</summary>
public static class Race
{
    private const int Threads = 256;

    /// <summary>
    /// SQLite's "async" calls complete synchronously, so an operation holds its thread the whole time: without
    /// enough threads ready, a 2-core pool would run only a couple of operations at once and hide the race.
    /// </summary>
    static Race() => ThreadPool.SetMinThreads(Threads, Threads);

    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> operation)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runners = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await operation(i);
            }))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(runners);
    }
}
