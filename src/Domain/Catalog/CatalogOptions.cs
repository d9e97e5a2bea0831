namespace ECommerce.Domain.Catalog;

public sealed class CatalogOptions
{
    public const string Section = "Shop:Catalog";

    /// <summary>
    /// How old the best-seller ranking may get before it is recomputed in the background (the stock shown
    /// with it is always read fresh). Zero recomputes it on every request.
    /// </summary>
    public TimeSpan TopSellersRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A product with this many units or fewer is running out: shoppers see "Only n left", admins find it on the
    /// dashboard and under the stock page's "running out" filter.
    /// </summary>
    public int LowStockThreshold { get; set; } = 5;
}
