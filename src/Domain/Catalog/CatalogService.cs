namespace ECommerce.Domain.Catalog;

/// <summary>What shoppers browse: categories, the filtered catalog, one product, the best sellers.</summary>
public sealed class CatalogService(ShopDatabase database, TopSellerRanking topSellers) : IDisposable
{
    private readonly CatalogIndex _index = new();

    public async Task<IReadOnlyList<CategoryView>> GetCategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
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

        var words = SearchWords.Read(query.Keyword);
        if (!words.IsSuccess)
        {
            return words.Error;
        }

        var keyword = words.Value;

        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        await using var db = await database.OpenAsync(ct);
        // One connection for the sold-out ids and the page, not one each: opening a SQLite connection registers the
        // provider's functions again, a good part of a search's cost.
        await db.Database.OpenConnectionAsync(ct);
        var soldOut = query.InStockOnly ? await CatalogReads.SoldOutIdsAsync(db, ct) : null;
        var folded = keyword is null ? null : Product.Normalize(keyword);
        // In long: a huge page number must not wrap around to a negative offset and show the first page.
        var offset = (long)(page - 1) * size;

        // The page is found on the index this process keeps, and its rows (name, price and stock as they are now)
        // come with the catalog's revision. Only when another change has been made since is the index rebuilt and
        // the page found again: a search costs one statement, not a revision check and then the page.
        var index = _index.Latest ?? await _index.CurrentAsync(db, ct);
        var (ids, total) = index.Search(query, folded, soldOut, offset, size);
        var (rows, revision) = await CatalogReads.SummariesAsync(db, ids, ct);
        if (revision != index.Version)
        {
            index = await _index.AtAsync(db, revision, ct);
            (ids, total) = index.Search(query, folded, soldOut, offset, size);
            (rows, _) = await CatalogReads.SummariesAsync(db, ids, ct);
        }

        return new Page<ProductSummary>([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], page, size, total);
    }

    public async Task<Result<ProductDetail>> GetProductAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
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
        await using var db = await database.OpenAsync(ct);
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
        await using var db = await database.OpenAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var (products, _) = await CatalogReads.SummariesAsync(db, ids, ct);

        return ranking
            .Select((r, i) => (Rank: i + 1, r.ProductId, r.Units, Product: products[r.ProductId]))
            .Select(x => new TopSeller(x.Rank, x.ProductId, x.Product.Name, x.Product.Price, x.Units, x.Product.Stock))
            .ToList();
    }

    public void Dispose() => _index.Dispose();
}
