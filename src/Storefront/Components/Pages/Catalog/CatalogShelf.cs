using ECommerce.Domain.Catalog;

namespace ECommerce.Storefront.Components.Pages.Catalog;

/// <summary>One read of the catalog for one URL: its shelves, the page of products (or the refusal) and when.</summary>
public sealed record CatalogShelf(
    string Url, IReadOnlyList<CategoryView> Categories, Page<ProductSummary>? Results, ShopError? Error, DateTime LoadedAt);
