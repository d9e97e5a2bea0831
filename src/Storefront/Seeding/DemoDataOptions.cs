namespace ECommerce.Storefront.Seeding;

public sealed class DemoDataOptions
{
    public const string Section = "Shop:Seed";

    /// <summary>Seed demo accounts, catalog, campaigns and recent orders on start (idempotent).</summary>
    public bool DemoData { get; set; } = true;
}
