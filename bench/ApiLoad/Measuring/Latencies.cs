namespace ECommerce.ApiLoad.Measuring;

/// <summary>Request latencies in milliseconds, added from many workers at once.</summary>
internal sealed class Latencies
{
    private readonly List<double> _all = new(16_384);
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _all.Add(milliseconds);
        }
    }

    public double Mean => Snapshot() is { Length: > 0 } all ? all.Average() : 0;

    public double Percentile(double p)
    {
        var sorted = Snapshot();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private double[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _all];
        }
    }
}
