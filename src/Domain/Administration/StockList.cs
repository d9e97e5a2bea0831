using ECommerce.Domain.Catalog;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Administration;

/// <summary>Every product with its stock, for the admins who keep the shelves filled.</summary>
public sealed class StockList(ShopDatabase database, IOptions<CatalogOptions> options)
{
    public int LowStockThreshold => options.Value.LowStockThreshold;

    public async Task<Result<Page<StockRow>>> SearchAsync(StockQuery query, CancellationToken ct = default)
    {
        var words = SearchWords.Read(query.Keyword);
        if (!words.IsSuccess)
        {
            return words.Error;
        }

        var keyword = words.Value;

        await using var db = await database.OpenAsync(ct);
        var products = db.Products.AsQueryable();
        if (keyword is not null)
        {
            var folded = Product.Normalize(keyword);
            products = products.Where(p => p.SearchName.Contains(folded));
        }

        if (query.LowStockOnly)
        {
            var threshold = LowStockThreshold;
            products = products.Where(p => p.Stock <= threshold);
        }

        products = query.Sort switch
        {
            StockSort.LowestStockFirst => products.OrderBy(p => p.Stock).ThenBy(p => p.Id),
            StockSort.HighestStockFirst => products.OrderByDescending(p => p.Stock).ThenBy(p => p.Id),
            _ => products.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
        };

        return await products
            .Select(p => new StockRow(p.Id, p.Name, p.Category!.Name, p.Price, p.Stock))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
