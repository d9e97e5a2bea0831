namespace ECommerce.Bench;

/// <summary>How big and how long each scenario runs: the full run, or the quick one CI uses.</summary>
/// <remarks>The warm-up is long enough in the full run for the JIT to bring the hot code to its final tier.</remarks>
internal sealed record BenchSize(
    TimeSpan Duration, TimeSpan WarmUp, int Writers, int Readers, int CatalogProducts, int Top5OrderLines, int Top5Products, int LastUnits)
{
    public static readonly BenchSize Full = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), 64, 4, 100_000, 1_000_000, 10_000, 500);
    public static readonly BenchSize Quick = new(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200), 16, 2, 5_000, 20_000, 1_000, 100);
}
