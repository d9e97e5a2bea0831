namespace ECommerce.Bench;

/// <summary>How big and how long each scenario runs: the full run, or the quick one CI uses.</summary>
internal sealed record BenchSize(
    TimeSpan Duration, int Writers, int Readers, int CatalogProducts, int Top5OrderLines, int Top5Products, int LastUnits)
{
    public static readonly BenchSize Full = new(TimeSpan.FromSeconds(5), 64, 4, 100_000, 1_000_000, 10_000, 500);
    public static readonly BenchSize Quick = new(TimeSpan.FromSeconds(1), 16, 2, 5_000, 20_000, 1_000, 100);
}
