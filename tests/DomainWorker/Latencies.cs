using System.Collections.Concurrent;

namespace ECommerce.DomainWorker;

/// <summary>Each operation kind's timings in milliseconds, summarised as count, p50 and p99 at the end.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byKind = new();

    public void Add(string kind, TimeSpan elapsed) => _byKind.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);

    public IReadOnlyDictionary<string, OperationFigures> Summary() => _byKind.ToDictionary(
        kind => kind.Key,
        kind =>
        {
            var sorted = kind.Value.Order().ToArray();
            return new OperationFigures(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.LastOrDefault());
        });

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

public sealed record OperationFigures(int Count, double P50, double P99, double Max);
