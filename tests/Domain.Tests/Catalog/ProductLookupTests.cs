using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Catalog;

public sealed class ProductLookupTests
{
    [Fact]
    public async Task Several_products_are_read_at_once_with_their_current_price_and_stock()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(15_000, 4, "Green Tea");
        var pot = await shop.AddProductAsync(30_000, 2, "Tea Pot");
        await shop.AddProductAsync(1_000, 9, "Not asked for");
        await shop.Inventory.AdjustStockAsync(tea.Id, -3, "Broken", "test");

        var products = await shop.Catalog.GetProductsAsync([tea.Id, pot.Id]);

        Assert.Equal(
            [new ProductSummary(tea.Id, "Green Tea", tea.CategoryId, tea.CategoryName, 15_000, 1),
             new ProductSummary(pot.Id, "Tea Pot", pot.CategoryId, pot.CategoryName, 30_000, 2)],
            products.OrderBy(p => p.Id));
    }

    [Fact]
    public async Task Ids_not_in_the_catalog_are_left_out()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(name: "Green Tea");

        var products = await shop.Catalog.GetProductsAsync([tea.Id, 999_999]);

        Assert.Equal([tea.Id], products.Select(p => p.Id));
        Assert.Empty(await shop.Catalog.GetProductsAsync([]));
    }
}
