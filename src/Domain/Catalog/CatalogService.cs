namespace ECommerce.Domain.Catalog;

/// <summary>What shoppers browse: categories, the filtered catalog, one product, the best sellers.</summary>
public sealed class CatalogService(IDbContextFactory<ShopDbContext> contexts, TopSellerRanking topSellers)
{
    private const int MaxKeywordLength = 100;

    public async Task<IReadOnlyList<CategoryView>> GetCategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Categories
            .OrderBy(c => c.Name)
            .Select(c => new CategoryView(c.Id, c.Name, db.Products.Count(p => p.CategoryId == c.Id)))
            .ToListAsync(ct);
    }

    public async Task<Result<Page<ProductSummary>>> SearchAsync(CatalogQuery query, CancellationToken ct = default)
    {
        if (query.MinPrice < 0 || query.MaxPrice < 0)
        {
            return ShopError.Invalid("Prices cannot be negative.");
        }

        if (query.MinPrice > query.MaxPrice)
        {
            return ShopError.Invalid("The lowest price is above the highest price.");
        }

        var keyword = query.Keyword?.Trim();
        if (keyword?.Length > MaxKeywordLength)
        {
            return ShopError.Invalid($"Search words can be at most {MaxKeywordLength} characters long.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = db.Products.AsQueryable();
        if (query.CategoryId is { } categoryId)
        {
            products = products.Where(p => p.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(keyword))
        {
            var folded = Product.Normalize(keyword);
            products = products.Where(p => p.SearchName.Contains(folded));
        }

        if (query.MinPrice is { } min)
        {
            products = products.Where(p => p.Price >= min);
        }

        if (query.MaxPrice is { } max)
        {
            products = products.Where(p => p.Price <= max);
        }

        if (query.InStockOnly)
        {
            products = products.Where(p => p.Stock > 0);
        }

        products = query.Sort switch
        {
            CatalogSort.PriceLowToHigh => products.OrderBy(p => p.Price).ThenBy(p => p.Id),
            CatalogSort.PriceHighToLow => products.OrderByDescending(p => p.Price).ThenBy(p => p.Id),
            CatalogSort.Newest => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            _ => products.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
        };

        return await products
            .Select(p => new ProductSummary(p.Id, p.Name, p.CategoryId, p.Category!.Name, p.Price, p.Stock))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }

    public async Task<Result<ProductDetail>> GetProductAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = await db.Products
            .Where(p => p.Id == productId)
            .Select(p => new ProductDetail(p.Id, p.Name, p.Description, p.CategoryId, p.Category!.Name, p.Price, p.Stock, p.Version))
            .FirstOrDefaultAsync(ct);
        return product is null ? ShopError.NotFound("Product", productId) : product;
    }

    /// <summary>
    /// Several products at once, as they are now (in no particular order); ids not in the catalog are left out.
    /// For lists the shopper keeps, such as a cart, that must show today's price and stock.
    /// </summary>
    public async Task<IReadOnlyList<ProductSummary>> GetProductsAsync(IReadOnlyCollection<int> productIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Products
            .Where(p => productIds.Contains(p.Id))
            .Select(p => new ProductSummary(p.Id, p.Name, p.CategoryId, p.Category!.Name, p.Price, p.Stock))
            .ToListAsync(ct);
    }

    /// <summary>The best sellers of the last 72 hours (see <see cref="TopSellerRanking"/>) with their stock as it is now.</summary>
    public async Task<IReadOnlyList<TopSeller>> GetTopSellersAsync(CancellationToken ct = default)
    {
        var ranking = await topSellers.GetAsync(ct);
        var ids = ranking.Select(r => r.ProductId).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = await db.Products
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Price, p.Stock })
            .ToDictionaryAsync(p => p.Id, ct);

        return ranking
            .Select((r, i) => (Rank: i + 1, r.ProductId, r.Units, Product: products[r.ProductId]))
            .Select(x => new TopSeller(x.Rank, x.ProductId, x.Product.Name, x.Product.Price, x.Units, x.Product.Stock))
            .ToList();
    }
}
