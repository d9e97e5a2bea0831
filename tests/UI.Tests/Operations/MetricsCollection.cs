namespace ECommerce.UI.Tests.Operations;

/// <summary>
/// Meters are process-wide: while another test's shop runs beside it, a scrape would add that shop's claims to this
/// one's. These tests run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<MetricsShop>
{
    public const string Name = "metrics";
}
