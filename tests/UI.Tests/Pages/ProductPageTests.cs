namespace ECommerce.UI.Tests.Pages;

[Collection(StorefrontCollection.Name)]
public sealed class ProductPageTests(StorefrontFactory factory)
{
    [Fact]
    public async Task Shows_the_product_with_its_price_and_current_stock()
    {
        var product = await factory.NewProductAsync(price: 27_000, stock: 3, name: "Celadon Cup");
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync($"/products/{product.Id}");

        Assert.Equal("Celadon Cup", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("₩27,000", page.QuerySelector("[data-testid=price]")!.TextContent);
        Assert.Equal("Only 3 left", page.QuerySelector(".mud-chip.stock")!.TextContent.Trim());
        Assert.Equal("Made for one test.", page.QuerySelector(".description")!.TextContent);
        Assert.Contains("Add to cart", page.QuerySelector(".add-to-cart")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sold_out_product_cannot_be_added()
    {
        var product = await factory.NewProductAsync(stock: 0);
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync($"/products/{product.Id}");

        var button = page.QuerySelector(".add-to-cart button")!;
        Assert.Contains("Sold out", button.TextContent, StringComparison.Ordinal);
        Assert.True(button.HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_unknown_product_answers_404_with_the_friendly_page()
    {
        using var client = factory.CreateClient();

        var page = await client.GetNotFoundPageAsync("/products/999999");

        Assert.Contains("Browse the catalog", page.QuerySelector(".state-empty")!.TextContent, StringComparison.Ordinal);
    }
}
