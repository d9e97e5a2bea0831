namespace ECommerce.UI.Tests.Pages;

/// <summary>The catalog as the server renders it from its URL, before any interactivity.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class CatalogPageTests(StorefrontFactory factory)
{
    private static string[] Names(IDocument page) =>
        page.QuerySelectorAll(".product-card a.name").Select(a => a.TextContent).ToArray();

    private static long[] Prices(IDocument page) =>
        page.QuerySelectorAll(".product-card .price").Select(p => long.Parse(p.TextContent.Trim('₩').Replace(",", ""))).ToArray();

    [Fact]
    public async Task The_url_filters_by_category_and_sorts_by_price()
    {
        var coffee = (await factory.Get<CatalogService>().GetCategoriesAsync()).Single(c => c.Name == "Coffee & Tea");
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync($"/catalog?category={coffee.Id}&sort=price-desc");

        Assert.Equal("Coffee & Tea", page.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(Names(page));
        Assert.All(page.QuerySelectorAll(".product-card .category"), c => Assert.Equal("Coffee & Tea", c.TextContent));
        Assert.Equal(Prices(page).OrderByDescending(p => p).ToArray(), Prices(page));
        Assert.Equal("active", page.QuerySelector($".shelves a[href='catalog?category={coffee.Id}&sort=price-desc']")?.ClassName);
    }

    [Fact]
    public async Task Keyword_price_range_and_in_stock_filters_combine()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/catalog?q=beans&min=20000&max=30000&instock=true");

        Assert.Equal("Results for \"beans\"", page.QuerySelector("h1")!.TextContent);
        // The jars are found by their description, which speaks of beans.
        Assert.Equal(["Colombia Huila Beans 500g", "Ethiopia Yirgacheffe Beans 500g", "Glass Storage Jars 4"], Names(page));
        Assert.All(Prices(page), p => Assert.InRange(p, 20_000, 30_000));
    }

    [Fact]
    public async Task Paging_links_keep_the_filters()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/catalog?sort=newest&page=2");

        Assert.Equal(24, Names(page).Length);
        Assert.Equal("2", page.QuerySelector(".page-links [aria-current=page]")!.TextContent);
        Assert.Equal("catalog?sort=newest", page.QuerySelector(".page-links a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("catalog?sort=newest&page=3", page.QuerySelector(".page-links a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Values_that_are_not_numbers_are_left_out_and_named()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/catalog?category=tea&min=cheap&page=two&sort=random");

        var notice = page.QuerySelector(".ignored")!.TextContent;
        Assert.Contains("category \"tea\"", notice, StringComparison.Ordinal);
        Assert.Contains("min \"cheap\"", notice, StringComparison.Ordinal);
        Assert.Contains("page \"two\"", notice, StringComparison.Ordinal);
        Assert.Contains("sort \"random\"", notice, StringComparison.Ordinal);
        Assert.Equal(24, Names(page).Length);
    }

    [Theory]
    [InlineData("/catalog?min=-5", "Prices cannot be negative.")]
    [InlineData("/catalog?min=50000&max=10000", "The lowest price is above the highest price.")]
    public async Task A_range_that_makes_no_sense_is_explained(string path, string message)
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync(path);

        Assert.Equal(message, page.QuerySelector(".error-notice .message")!.TextContent);
        Assert.Empty(Names(page));
    }

    [Theory]
    [InlineData("/catalog?instock=true&page=99", "There is no page 99", "catalog?instock=true")]
    [InlineData("/catalog?q=no-such-thing-anywhere", "No products match these filters.", "catalog")]
    public async Task An_empty_list_says_why_with_a_way_back(string path, string why, string wayBack)
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync(path);

        Assert.Contains(why, page.QuerySelector(".state-empty")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(wayBack, page.QuerySelector(".state-empty a")!.GetAttribute("href"));
    }
}
