using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Catalog;

/// <summary>
/// The catalog index's shortcuts (a shelf read alone, a price range found by binary search on a price order, a page
/// sliced when every product matches, a word's matches kept) answer exactly what testing every product would.
/// </summary>
public sealed class CatalogIndexTests
{
    private sealed record Row(int Id, string Name, string SearchText, int CategoryId, long Price, int Stock, DateTime CreatedAt);

    private static readonly string[] Words = ["lamp", "desk", "oak", "1", "lamp oak", "shelf b", "zzz"];

    private static async Task<Row[]> StockManyShelvesAsync(ShopHarness shop)
    {
        string[] shelves = ["Shelf A", "Shelf B", "Shelf C"];
        string[] names = ["Oak Desk", "Desk Lamp", "Floor lamp", "oak stool", "Lamp shade 1", "Kettle"];
        var categories = new List<int>();
        foreach (var shelf in shelves)
        {
            categories.Add(await shop.AddCategoryAsync(shelf));
        }

        for (var i = 0; i < 36; i++)
        {
            // Prices repeat so that ties meet the range's ends; every fifth product is sold out.
            await shop.Inventory.AddProductAsync(new NewProduct(categories[i % 3], $"{names[i % names.Length]} {i}",
                i % 4 == 0 ? "solid oak" : "", 1_000 * (1 + (i % 7)), i % 5 == 0 ? 0 : 3), "test");
        }

        return await shop.QueryAsync(async db => await db.Products
            .Select(p => new Row(p.Id, p.Name, (p.SearchName + " " + p.Category!.Name + " " + p.Description).ToLower(),
                p.CategoryId, p.Price, p.Stock, p.CreatedAt))
            .ToArrayAsync());
    }

    private static int[] Expected(Row[] rows, CatalogQuery query)
    {
        var words = query.Keyword?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var matching = rows.Where(r => (query.CategoryId is null || r.CategoryId == query.CategoryId)
            && (query.MinPrice is null || r.Price >= query.MinPrice)
            && (query.MaxPrice is null || r.Price <= query.MaxPrice)
            && (!query.InStockOnly || r.Stock > 0)
            && words.All(w => r.SearchText.Contains(w, StringComparison.Ordinal)));
        var sorted = query.Sort switch
        {
            CatalogSort.PriceLowToHigh => matching.OrderBy(r => r.Price).ThenBy(r => r.Id),
            CatalogSort.PriceHighToLow => matching.OrderByDescending(r => r.Price).ThenBy(r => r.Id),
            CatalogSort.Newest => matching.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            _ => matching.OrderBy(r => r.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(r => r.Id),
        };
        return [.. sorted.Select(r => r.Id)];
    }

    [Fact]
    public async Task Every_combination_of_shelf_price_range_keyword_stock_and_order_answers_as_a_full_scan()
    {
        await using var shop = await ShopHarness.StartAsync();
        var rows = await StockManyShelvesAsync(shop);
        int?[] shelves = [null, .. rows.Select(r => r.CategoryId).Distinct(), 999_999];
        (long? Min, long? Max)[] ranges = [(null, null), (3_000, null), (null, 3_000), (2_000, 5_000), (3_000, 3_000), (7_500, 9_000)];
        string?[] keywords = [null, .. Words];
        var checkedQueries = 0;

        foreach (var sort in Enum.GetValues<CatalogSort>())
        foreach (var shelf in shelves)
        foreach (var (min, max) in ranges)
        foreach (var keyword in keywords)
        foreach (var inStock in new[] { false, true })
        {
            var query = new CatalogQuery(shelf, keyword, min, max, inStock, sort, PageSize: 100);
            var expected = Expected(rows, query);
            var page = (await shop.Catalog.SearchAsync(query)).Value!;
            Assert.True(expected.SequenceEqual(page.Items.Select(p => p.Id)), $"{query}: expected [{string.Join(",", expected)}]");
            Assert.Equal(expected.Length, page.TotalCount);

            // A later page is the same list sliced.
            var second = (await shop.Catalog.SearchAsync(query with { Page = 2, PageSize = 4 })).Value!;
            Assert.Equal(expected.Skip(4).Take(4), second.Items.Select(p => p.Id));
            Assert.Equal(expected.Length, second.TotalCount);
            checkedQueries++;
        }

        Assert.Equal(4 * 5 * 6 * 8 * 2, checkedQueries);
    }

    [Fact]
    public async Task Past_the_kept_words_a_new_word_is_still_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        var rows = await StockManyShelvesAsync(shop);

        // More distinct words than are kept, sixteen to a search (each search keeps all of its words).
        for (var n = 0; n < 1_100; n += 16)
        {
            var keyword = string.Join(' ', Enumerable.Range(n, 16).Select(i => $"q{i:0000}"));
            Assert.Equal(0, (await shop.Catalog.SearchAsync(new CatalogQuery(Keyword: keyword))).Value!.TotalCount);
        }

        foreach (var keyword in new[] { "shade", "lamp oak", "stool 1" })
        {
            var query = new CatalogQuery(Keyword: keyword, PageSize: 100);
            Assert.Equal(Expected(rows, query), (await shop.Catalog.SearchAsync(query)).Value!.Items.Select(p => p.Id));
        }
    }
}
