using Bunit;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class StockListTests(AdminShop shop) : AdminPageTest(shop)
{
    private IRenderedComponent<AdminStock> Open()
    {
        var page = RenderPage<AdminStock>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Stock")));
        return page;
    }

    [Fact]
    public void Products_are_listed_by_name_with_their_stock_and_a_way_to_adjust_it()
    {
        var page = Open();

        var names = page.FindAll("[aria-label='Stock'] tr.data-row td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.NotEmpty(page.FindAll("a[aria-label^='Restock or adjust ']"));
    }

    [Fact]
    public void A_name_search_finds_the_product_on_enter_and_on_the_button()
    {
        var page = Open();

        Box(page, "Product name").Input("Sleeping Bag");
        Box(page, "Product name").KeyUp("Enter");
        page.WaitForAssertion(() => Assert.Single(Rows(page, "Stock")));
        Assert.Contains("Sleeping Bag 3-season", Rows(page, "Stock")[0], StringComparison.Ordinal);

        Box(page, "Product name").Input("no such thing at all");
        Button(page, "Search").Click();
        page.WaitForAssertion(() => Assert.Contains("No product matches.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Running_out_shows_only_products_at_or_below_the_threshold_and_all_products_shows_them_all_again()
    {
        var page = Open();
        var all = Caption(page, "Stock");

        Button(page, "Running out").Click();
        page.WaitForAssertion(() => Assert.NotEqual(all, Caption(page, "Stock")));
        Assert.All(StockUnits(page), units => Assert.True(units <= 5));

        Button(page, "All products").Click();
        page.WaitForAssertion(() => Assert.Equal(all, Caption(page, "Stock")));
    }

    [Fact]
    public void The_dashboards_link_opens_the_list_at_running_out()
    {
        Get<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("admin/stock?low=true");
        var page = Open();

        Assert.All(StockUnits(page), units => Assert.True(units <= 5));
    }

    [Fact]
    public void Sorting_by_stock_is_done_by_the_server_lowest_first_then_highest()
    {
        var page = Open();

        page.FindAll(".sortable-column-header").Single(h => h.TextContent.Trim() == "Stock").Click();
        page.WaitForAssertion(() => Assert.Equal(StockUnits(page).Order(), StockUnits(page)));

        page.FindAll(".sortable-column-header").Single(h => h.TextContent.Trim() == "Stock").Click();
        page.WaitForAssertion(() => Assert.Equal(StockUnits(page).OrderDescending(), StockUnits(page)));
    }

    private static List<int> StockUnits(IRenderedComponent<AdminStock> page) =>
        page.FindAll("[aria-label='Stock'] .stock-units").Select(e => int.Parse(e.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
