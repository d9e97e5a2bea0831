namespace ECommerce.Domain.Catalog;

public sealed record CategoryView(int Id, string Name, int ProductCount);

public sealed record ProductSummary(int Id, string Name, int CategoryId, string CategoryName, long Price, int Stock);

public sealed record ProductDetail(
    int Id, string Name, string Description, int CategoryId, string CategoryName, long Price, int Stock, long Version);

/// <summary>A best seller: units sold in paid orders over the last 72 hours, with the stock as it is now.</summary>
public sealed record TopSeller(int Rank, int ProductId, string Name, long Price, long UnitsSold, int Stock);
