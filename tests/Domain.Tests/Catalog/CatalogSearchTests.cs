using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Catalog;

/// <summary>A keyword finds products by their name, their shelf and their description, every word of it.</summary>
public sealed class CatalogSearchTests
{
    private static async Task<string[]> FindAsync(ShopHarness shop, string keyword)
    {
        var result = await shop.Catalog.SearchAsync(new CatalogQuery(Keyword: keyword));
        Assert.True(result.IsSuccess, result.ToString());
        return [.. result.Value.Items.Select(p => p.Name)];
    }

    private static async Task StockAsync(ShopHarness shop)
    {
        var coffee = await shop.AddCategoryAsync("Coffee & Tea");
        var kitchen = await shop.AddCategoryAsync("Kitchen");
        await shop.Inventory.AddProductAsync(new NewProduct(coffee, "Ethiopia Yirgacheffe Beans 500g", "Light roast, floral.", 24_000, 5), "test");
        await shop.Inventory.AddProductAsync(new NewProduct(coffee, "Jeju Green Tea", "First flush leaves.", 15_000, 5), "test");
        await shop.Inventory.AddProductAsync(new NewProduct(kitchen, "Cold Brew Bottle 1L", "Steeps coffee overnight in the fridge.", 18_000, 5), "test");
        await shop.Inventory.AddProductAsync(new NewProduct(kitchen, "Cast Iron Pan", "Seasoned, 26 cm.", 39_000, 5), "test");
    }

    [Fact]
    public async Task A_shelf_name_finds_the_products_on_that_shelf()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockAsync(shop);

        // The Coffee & Tea shelf, and the bottle whose description says coffee.
        Assert.Equal(["Cold Brew Bottle 1L", "Ethiopia Yirgacheffe Beans 500g", "Jeju Green Tea"], await FindAsync(shop, "coffee"));
    }

    [Fact]
    public async Task A_word_of_the_description_finds_the_product()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockAsync(shop);

        Assert.Equal(["Cast Iron Pan"], await FindAsync(shop, "SEASONED"));
        Assert.Equal(["Jeju Green Tea"], await FindAsync(shop, "flush"));
    }

    [Fact]
    public async Task Every_word_must_match_somewhere_in_any_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockAsync(shop);

        Assert.Equal(["Cold Brew Bottle 1L"], await FindAsync(shop, "bottle   coffee"));
        Assert.Equal(["Ethiopia Yirgacheffe Beans 500g"], await FindAsync(shop, "roast beans"));
        Assert.Empty(await FindAsync(shop, "coffee pan"));
    }

    [Fact]
    public async Task A_product_added_later_is_found_by_its_description_at_once()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockAsync(shop);
        Assert.Empty(await FindAsync(shop, "hinoki"));

        var kitchen = (await shop.Catalog.GetCategoriesAsync()).Single(c => c.Name == "Kitchen").Id;
        await shop.Inventory.AddProductAsync(new NewProduct(kitchen, "Cutting Board", "Hinoki wood.", 30_000, 5), "test");

        Assert.Equal(["Cutting Board"], await FindAsync(shop, "hinoki"));
    }
}
