using ECommerce.Storefront.Components.Pages.Catalog;

namespace ECommerce.UI.Tests.Components;

public sealed class CatalogUrlTests
{
    [Fact]
    public void Every_filter_is_read_from_the_url()
    {
        var (query, ignored) = CatalogUrl.Read("3", "  green tea ", "10,000", "₩50000", "true", "price-desc", "2");

        Assert.Equal(new CatalogQuery(3, "green tea", 10_000, 50_000, true, CatalogSort.PriceHighToLow, 2), query);
        Assert.Empty(ignored);
    }

    [Fact]
    public void No_values_mean_the_whole_catalog_by_name()
    {
        var (query, _) = CatalogUrl.Read(null, " ", "", null, null, null, null);

        Assert.Equal(new CatalogQuery(), query);
        Assert.False(query.IsFiltered());
        Assert.Equal("catalog", CatalogUrl.For(query));
    }

    [Fact]
    public void Values_that_are_not_understood_are_left_out_and_named()
    {
        var (query, ignored) = CatalogUrl.Read("tea", null, "cheap", "1e9", "maybe", "random", "two");

        Assert.Equal(new CatalogQuery(), query);
        Assert.Equal(["category \"tea\"", "min \"cheap\"", "max \"1e9\"", "instock \"maybe\"", "sort \"random\"", "page \"two\""], ignored);
    }

    [Fact]
    public void Numbers_out_of_range_are_the_catalogs_to_judge_except_pages_below_one()
    {
        var (query, ignored) = CatalogUrl.Read(null, null, "-5", null, null, null, "-3");

        Assert.Equal(-5, query.MinPrice);
        Assert.Equal(1, query.Page);
        Assert.Empty(ignored);
    }

    [Fact]
    public void The_url_holds_only_what_differs_from_the_defaults_and_reads_back_the_same()
    {
        var query = new CatalogQuery(CategoryId: 2, Keyword: "beans & tea", MaxPrice: 30_000, InStockOnly: true, Sort: CatalogSort.Newest, Page: 3);

        var url = CatalogUrl.For(query);
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://shop.test/" + url).Query);

        Assert.Equal("catalog?category=2&q=beans%20%26%20tea&max=30000&instock=true&sort=newest&page=3", url);
        Assert.Equal(query, CatalogUrl.Read(values["category"], values["q"], null, values["max"], values["instock"], values["sort"], values["page"]).Query);
    }
}
