namespace ECommerce.DomainWorker.Race;

/// <summary>One run of one build: its processes' figures and the machine's load average when it ended.</summary>
internal sealed record RaceFigures(string Build, int Round, IReadOnlyList<WorkerStats> Workers, string Load)
{
    public static readonly string[] Timed = ["pay", "claim"];

    public int Done(WorkerStats worker) => Timed.Sum(kind => worker.Operations.TryGetValue(kind, out var o) ? o.Count : 0);

    public double Share(WorkerStats worker) => 100.0 * Done(worker) / Math.Max(1, Workers.Sum(Done));

    /// <summary>The worst p99 of a payment or claim in any process of the run.</summary>
    public double WorstP99 => Workers.SelectMany(w => Timed.Select(kind => w.Operations.TryGetValue(kind, out var o) ? o.P99 : 0)).Max();

    public double LowestShare => Workers.Min(Share);

    public IEnumerable<string> Lines()
    {
        yield return $"{Build,-8} round {Round}, {Workers.Count} processes, load {Load}: worst p99 {WorstP99:F0} ms, lowest share {LowestShare:F1} %";
        foreach (var worker in Workers)
        {
            yield return $"  {worker.Worker,-10} share {Share(worker),5:F1} %  " + string.Join("  ", Timed.Select(kind =>
                worker.Operations.TryGetValue(kind, out var o) ? $"{kind} n={o.Count} p50={o.P50:F0} p99={o.P99:F0} max={o.Max:F0}" : $"{kind} n=0"))
                + (worker.Errors > 0 ? $"  errors={worker.Errors}" : "");
        }
    }
}
