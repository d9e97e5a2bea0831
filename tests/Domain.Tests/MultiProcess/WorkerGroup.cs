namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>Worker processes that run together, with everything each acknowledged; disposing kills any left.</summary>
public sealed class WorkerGroup(IEnumerable<WorkerProcess> workers) : IDisposable
{
    private readonly List<WorkerProcess> _all = [.. workers];

    /// <summary>A worker started later (a restart after a kill) joins the group's acknowledgements.</summary>
    public void Add(WorkerProcess worker) => _all.Add(worker);

    public IReadOnlyList<string> Acknowledged => [.. _all.SelectMany(w => w.Acknowledged)];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> AcknowledgedByWorker =>
        _all.GroupBy(w => w.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(w => w.Acknowledged)]);

    /// <summary>
    /// Starts the plan's workers and, once every one has warmed up (a cold process spends its first seconds compiling
    /// queries), their timed load at the same moment. The plan must name <paramref name="startSignal"/>.
    /// </summary>
    public static async Task<WorkerGroup> StartTogetherAsync(string plan, string startSignal, params string[] names)
    {
        var group = new WorkerGroup(names.Select(name => WorkerProcess.Start(plan, name)));
        try
        {
            await group.SignalStartAsync(startSignal);
            return group;
        }
        catch
        {
            group.Dispose();
            throw;
        }
    }

    private async Task SignalStartAsync(string startSignal)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!_all.All(w => w.IsReady))
        {
            Assert.True(DateTime.UtcNow < deadline && !_all.Any(w => w.HasExited), "The workers did not warm up:\n" + string.Join("\n", Errors));
            await Task.Delay(20);
        }

        await File.WriteAllTextAsync(startSignal, "go");
    }

    public IEnumerable<string> Errors => _all.Select(w => $"{w.Name}: {w.Errors}");

    public async Task<WorkerFigures[]> FinishAllAsync() =>
        await Task.WhenAll(_all.Select(w => w.FinishAsync(TimeSpan.FromMinutes(2))));

    public void Dispose() => _all.ForEach(w => w.Dispose());
}
