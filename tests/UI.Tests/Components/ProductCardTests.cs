using ECommerce.Storefront.Components.Pages.Catalog;

namespace ECommerce.UI.Tests.Components;

public sealed class ProductCardTests
{
    [Fact]
    public async Task Shows_name_category_price_and_stock_with_links_to_the_product()
    {
        var product = new ProductSummary(12, "Gooseneck Kettle 1L", 1, "Coffee & Tea", 49_000, 4);

        var page = await ComponentRenderer.RenderAsync<ProductCard>(new Dictionary<string, object?> { ["Product"] = product });

        Assert.Equal("Gooseneck Kettle 1L", page.QuerySelector("a.name")!.TextContent);
        Assert.All(page.QuerySelectorAll("a"), a => Assert.Equal("products/12", a.GetAttribute("href")));
        Assert.Equal("Coffee & Tea", page.QuerySelector(".category")!.TextContent);
        Assert.Equal("₩49,000", page.QuerySelector(".price")!.TextContent);
        Assert.Equal("Only 4 left", page.QuerySelector(".stock")!.TextContent.Trim());
        Assert.Equal("Picture of Gooseneck Kettle 1L", page.QuerySelector(".product-art img")!.GetAttribute("alt"));
    }
}
