using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Components;

public sealed class PageLinksTests
{
    private static Task<IDocument> RenderAsync(int pageNumber, int pageCount) =>
        ComponentRenderer.RenderAsync<PageLinks>(new Dictionary<string, object?>
        {
            ["PageNumber"] = pageNumber,
            ["PageCount"] = pageCount,
            ["Href"] = (Func<int, string>)(n => $"list?page={n}"),
        });

    [Fact]
    public async Task Links_the_pages_around_the_current_one_with_previous_and_next()
    {
        var page = await RenderAsync(6, 20);

        Assert.Equal("list?page=5", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("list?page=7", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("6", page.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal(["3", "4", "5", "7", "8", "9"], page.QuerySelectorAll("a[aria-label]").Select(a => a.TextContent));
    }

    [Fact]
    public async Task The_first_and_last_pages_have_no_way_further()
    {
        Assert.Null((await RenderAsync(1, 3)).QuerySelector("a[rel=prev]"));
        Assert.Null((await RenderAsync(3, 3)).QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task One_page_needs_no_links()
    {
        Assert.Null((await RenderAsync(1, 1)).QuerySelector("nav"));
    }
}
