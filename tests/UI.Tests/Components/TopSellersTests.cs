using ECommerce.Storefront.Components.Pages.Home;

namespace ECommerce.UI.Tests.Components;

public sealed class TopSellersTests
{
    [Fact]
    public async Task Lists_each_best_seller_with_units_sold_price_and_current_stock()
    {
        TopSeller[] items =
        [
            new(1, 7, "Cold Brew Bottle 1L", 18_000, 42, 120),
            new(2, 3, "Pour-over Dripper", 27_000, 9, 2),
            new(3, 5, "Matcha Ceremonial 30g", 32_000, 4, 0),
        ];

        var page = await ComponentRenderer.RenderAsync<TopSellers>(new Dictionary<string, object?> { ["Items"] = items });

        var rows = page.QuerySelectorAll("li.top-seller");
        Assert.Equal(3, rows.Length);
        Assert.Equal("1", rows[0].QuerySelector(".rank")!.TextContent);
        Assert.Equal("Cold Brew Bottle 1L", rows[0].QuerySelector("a.name")!.TextContent);
        Assert.Equal("products/7", rows[0].QuerySelector("a.name")!.GetAttribute("href"));
        Assert.Equal("₩18,000", rows[0].QuerySelector(".price")!.TextContent);
        Assert.Equal("42 sold", rows[0].QuerySelector(".sold")!.TextContent);
        Assert.Contains("120 in stock", rows[0].TextContent);
        Assert.Contains("Only 2 left", rows[1].TextContent);
        Assert.Contains("Sold out", rows[2].TextContent);
    }

    [Fact]
    public async Task Says_so_when_nothing_sold_in_the_window()
    {
        var page = await ComponentRenderer.RenderAsync<TopSellers>(new Dictionary<string, object?> { ["Items"] = Array.Empty<TopSeller>() });

        Assert.Empty(page.QuerySelectorAll("li.top-seller"));
        Assert.Contains("Nothing has sold in the last 3 days yet", page.Body!.TextContent);
    }
}
