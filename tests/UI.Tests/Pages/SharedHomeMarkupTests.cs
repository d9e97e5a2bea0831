using AngleSharp.Html.Parser;
using ECommerce.Domain.Catalog;
using ECommerce.Storefront.Components.Pages.Home;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.UI.Tests.Pages;

/// <summary>
/// The home page's chart and categories are rendered once and shared by every circuit as one string: the same content
/// must give the very same string (else each circuit holds its own copy), other content a new one.
/// </summary>
[Collection(StorefrontCollection.Name)]
public sealed class SharedHomeMarkupTests(StorefrontFactory factory)
{
    private IServiceScopeFactory Scopes => factory.Services.GetRequiredService<IServiceScopeFactory>();

    private ILoggerFactory Logging => factory.Services.GetRequiredService<ILoggerFactory>();

    [Fact]
    public async Task The_top_5_chart_is_one_string_per_ranking_whatever_the_stock_left()
    {
        TopSeller[] lines = [.. Enumerable.Range(1, 5).Select(r => new TopSeller(r, 9_000 + r, $"Chart Test Product {r}", 1_000, 60 - r, 10))];

        var chart = (await TopSellerChart.MarkupAsync(lines, Scopes, Logging)).Value;
        var afterAPurchase = (await TopSellerChart.MarkupAsync([.. lines.Select(l => l with { Stock = 3 })], Scopes, Logging)).Value;
        var anotherRanking = (await TopSellerChart.MarkupAsync([.. lines.Select(l => l with { UnitsSold = l.UnitsSold + 1 })], Scopes, Logging)).Value;

        Assert.Same(chart, afterAPurchase);
        Assert.NotSame(chart, anotherRanking);
        var svg = new HtmlParser().ParseDocument(chart);
        Assert.Equal(5, svg.QuerySelectorAll(".mud-chart path.mud-chart-bar, .mud-chart rect.mud-chart-bar").Length);
        Assert.Equal("Units sold by the top 5", svg.QuerySelector(".mud-chart")?.GetAttribute("aria-label"));
        Assert.Contains("Chart Test Pr…", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_categories_are_one_string_per_list_with_their_own_css_scope()
    {
        CategoryView[] categories = [new(901, "Tea & Cups", 4), new(902, "Maps", 2)];

        var list = (await CategoryListMarkup.MarkupAsync(categories, Scopes, Logging)).Value;
        var again = (await CategoryListMarkup.MarkupAsync([.. categories], Scopes, Logging)).Value;
        var aProductAdded = (await CategoryListMarkup.MarkupAsync([categories[0] with { ProductCount = 5 }, categories[1]], Scopes, Logging)).Value;

        Assert.Same(list, again);
        Assert.NotSame(list, aProductAdded);
        var page = new HtmlParser().ParseDocument(list);
        Assert.Equal(["Tea &amp; Cups", "Maps"], page.QuerySelectorAll(".category-list .name").Select(n => n.InnerHtml));
        Assert.Equal("catalog?category=901", page.QuerySelector(".category-list a")?.GetAttribute("href"));
        // CategoryList.razor.css applies: the elements carry the component's scope attribute, as a live render's do.
        Assert.Contains(page.QuerySelector(".category-list")!.Attributes, a => a.Name.StartsWith("b-", StringComparison.Ordinal));
        Assert.Contains("5 products", aProductAdded, StringComparison.Ordinal);
    }
}
