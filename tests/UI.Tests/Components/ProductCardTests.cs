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

    [Fact]
    public async Task A_card_written_as_markup_encodes_the_shops_texts_and_keeps_its_styles_scope()
    {
        // The card is one markup string shared by every circuit: the product's texts must come out as text, and its
        // elements must carry the CSS scope that ProductCard.razor.css is compiled for (CssScope in Storefront.csproj).
        var product = new ProductSummary(7, "Tea <b>\"Set\"</b> & Cups", 2, "Kitchen & <Home>", 1_500, 0);

        var page = await ComponentRenderer.RenderAsync<ProductCard>(new Dictionary<string, object?> { ["Product"] = product });

        Assert.Equal("Tea <b>\"Set\"</b> & Cups", page.QuerySelector("a.name")!.TextContent);
        Assert.Null(page.QuerySelector("b"));
        Assert.Equal("Kitchen & <Home>", page.QuerySelector(".category")!.TextContent);
        Assert.Equal("Picture of Tea <b>\"Set\"</b> & Cups", page.QuerySelector(".product-art img")!.GetAttribute("alt"));
        Assert.Equal("Sold out", page.QuerySelector(".stock")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("article.product-card[b-product-card] h3[b-product-card] a.name[b-product-card]"));
        Assert.NotNull(page.QuerySelector(".product-art.medium[b-product-art] img[b-product-art]"));
    }
}
