namespace ECommerce.Domain.Catalog;

/// <summary>What a shopper filters the catalog by. Every filter is optional; prices are won, inclusive.</summary>
public sealed record CatalogQuery(
    int? CategoryId = null,
    string? Keyword = null,
    long? MinPrice = null,
    long? MaxPrice = null,
    bool InStockOnly = false,
    CatalogSort Sort = CatalogSort.Name,
    int Page = 1,
    int PageSize = 24);
