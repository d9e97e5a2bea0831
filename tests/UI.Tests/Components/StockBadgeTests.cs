using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Components;

/// <summary>The stock a shopper (and an admin) sees beside a product, judged by the shop's one low-stock threshold.</summary>
public sealed class StockBadgeTests
{
    [Theory]
    [InlineData(0, "Sold out")]
    [InlineData(3, "Only 3 left")]
    [InlineData(4, "4 in stock")]
    public async Task Running_out_follows_the_configured_threshold(int stock, string shown)
    {
        var page = await ComponentRenderer.RenderAsync<StockBadge>(new Dictionary<string, object?> { ["Stock"] = stock },
            services => services.Configure<CatalogOptions>(o => o.LowStockThreshold = 3));

        Assert.Equal(shown, page.QuerySelector(".stock")!.TextContent.Trim());
    }

    [Fact]
    public async Task Five_units_are_running_out_by_default()
    {
        var page = await ComponentRenderer.RenderAsync<StockBadge>(new Dictionary<string, object?> { ["Stock"] = 5 });

        Assert.Equal("Only 5 left", page.QuerySelector(".stock")!.TextContent.Trim());
    }
}
