using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Administration.AdminScenario;

namespace ECommerce.Domain.Tests.Administration;

public sealed class StockListTests
{
    private static async Task<string[]> NamesAsync(ShopHarness shop, StockQuery query) =>
        Ok(await shop.Get<StockList>().SearchAsync(query)).Items.Select(p => p.Name).ToArray();

    [Fact]
    public async Task Lists_every_product_with_its_stock_filtered_sorted_and_paged()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync("Tea");
        await shop.AddProductAsync(stock: 50, name: "Green tea", categoryId: category);
        await shop.AddProductAsync(stock: 5, name: "Black tea", categoryId: category);
        await shop.AddProductAsync(stock: 0, name: "Oolong", categoryId: category);
        await shop.AddProductAsync(stock: 6, name: "Mugs", categoryId: category);

        Assert.Equal(["Black tea", "Green tea", "Mugs", "Oolong"], await NamesAsync(shop, new StockQuery()));
        Assert.Equal(["Black tea", "Oolong"], await NamesAsync(shop, new StockQuery(LowStockOnly: true)));
        Assert.Equal(["Black tea", "Green tea"], await NamesAsync(shop, new StockQuery(Keyword: " TEA")));
        Assert.Equal(["Oolong", "Black tea", "Mugs", "Green tea"], await NamesAsync(shop, new StockQuery(Sort: StockSort.LowestStockFirst)));
        Assert.Equal(["Green tea", "Mugs"], await NamesAsync(shop, new StockQuery(Sort: StockSort.HighestStockFirst, PageSize: 2)));
        Assert.Equal(["Oolong"], await NamesAsync(shop, new StockQuery(Page: 2, PageSize: 3)));

        var row = Ok(await shop.Get<StockList>().SearchAsync(new StockQuery(Keyword: "oolong"))).Items[0];
        Assert.Equal(("Tea", 10_000L, 0), (row.CategoryName, row.Price, row.Stock));
    }

    [Fact]
    public async Task Control_characters_in_a_keyword_are_read_as_spaces()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.AddProductAsync(10_000, 0, "Oolong");

        Assert.Equal(["Oolong"], await NamesAsync(shop, new StockQuery(Keyword: "\toolong\0")));
    }

    [Fact]
    public async Task A_keyword_over_100_characters_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Get<StockList>().SearchAsync(new StockQuery(Keyword: new string('x', 101)));

        Assert.Equal(ErrorCode.InvalidInput, result.Error?.Code);
    }
}
