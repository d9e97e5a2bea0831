namespace ECommerce.ApiLoad.Measuring;

/// <summary>The latencies of each step of the order flow, and the payments that succeeded.</summary>
internal sealed class FlowSteps
{
    private int _paid;

    public Latencies Browse { get; } = new();
    public Latencies Place { get; } = new();
    public Latencies Pay { get; } = new();
    public Latencies Whole { get; } = new();
    public int Paid => _paid;

    public void CountPaid() => Interlocked.Increment(ref _paid);
}
