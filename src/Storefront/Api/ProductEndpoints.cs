using ECommerce.Domain.Catalog;
using ECommerce.Storefront.Api.Contracts;

namespace ECommerce.Storefront.Api;

public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProducts(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Catalog");

        products.MapGet("/", SearchAsync)
            .WithName("SearchProducts")
            .WithSummary("The catalog, filtered, sorted and paged. Prices are whole won (minor units).")
            .Produces<PageView<ProductSummary>>()
            .Refuses(StatusCodes.Status400BadRequest);

        products.MapGet("/{id:int}", async (int id, HttpContext http, CatalogService catalog) =>
                ApiResults.Ok(http, await catalog.GetProductAsync(id, http.RequestAborted)))
            .WithName("GetProduct")
            .WithSummary("One product with its description and stock.")
            .Produces<ProductDetail>()
            .Refuses(StatusCodes.Status404NotFound);

        products.MapGet("/top", async (HttpContext http, CatalogService catalog) =>
                TypedResults.Ok(await catalog.GetTopSellersAsync(http.RequestAborted)))
            .WithName("TopSellers")
            .WithSummary("The five best sellers of the last 72 hours.")
            .Produces<IReadOnlyList<TopSeller>>();
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, CatalogService catalog, int? category, string? keyword,
        long? minPrice, long? maxPrice, bool? inStock, string? sort, int? page, int? pageSize)
    {
        if (!ApiResults.TryParseName<CatalogSort>(sort, out var order, out var badSort))
        {
            return ApiProblems.For(http, badSort!);
        }

        var (number, size) = ApiResults.Paging(page, pageSize, defaultSize: 24);
        var query = new CatalogQuery(category, keyword, minPrice, maxPrice, inStock ?? false, order ?? CatalogSort.Name, number, size);
        var found = await catalog.SearchAsync(query, http.RequestAborted);
        return found.IsSuccess ? TypedResults.Ok(PageView<ProductSummary>.Of(found.Value)) : ApiProblems.For(http, found.Error);
    }
}
