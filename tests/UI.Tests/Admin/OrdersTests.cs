using Bunit;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class OrdersTests(AdminShop shop) : AdminPageTest(shop)
{
    private const string DemoShopper = "shopper@example.com";

    [Fact]
    public void Orders_are_listed_newest_first_with_shoppers_emails_a_page_at_a_time()
    {
        var page = RenderPage<AdminOrders>();

        page.WaitForAssertion(() => Assert.Equal(20, Rows(page, "Orders").Count));
        Assert.All(Rows(page, "Orders"), row => Assert.Contains("@example.com", row, StringComparison.Ordinal));
        var first = Caption(page, "Orders");
        Assert.StartsWith("1–20 of ", first, StringComparison.Ordinal);
        var newest = Rows(page, "Orders")[0];

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.StartsWith("21–", Caption(page, "Orders"), StringComparison.Ordinal));
        Assert.DoesNotContain(newest, Rows(page, "Orders"));
    }

    [Fact]
    public void Sorting_by_total_is_done_by_the_server_both_ways()
    {
        var page = RenderPage<AdminOrders>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Orders")));

        SortBy(page, "Total");
        page.WaitForAssertion(() => Assert.Equal(Totals(page).Order(), Totals(page)));
        var lowest = Totals(page)[0];

        SortBy(page, "Total");
        page.WaitForAssertion(() => Assert.Equal(Totals(page).OrderDescending(), Totals(page)));
        Assert.True(Totals(page)[0] >= lowest);
    }

    [Fact]
    public void An_unknown_shopper_email_is_named_and_a_known_one_filters_the_orders()
    {
        var page = RenderPage<AdminOrders>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Orders")));

        Box(page, "Shopper email").Input("nobody@example.com");
        Button(page, "Apply filters").Click();
        page.WaitForAssertion(() => Assert.Contains("No account has the email nobody@example.com.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Rows(page, "Orders"));

        Box(page, "Shopper email").Input(DemoShopper);
        Button(page, "Apply filters").Click();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page, "Orders").Count)); // The demo shopper's two seeded orders.
        Assert.All(Rows(page, "Orders"), row => Assert.Contains(DemoShopper, row, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[role=alert]"));

        Button(page, "Clear").Click();
        page.WaitForAssertion(() => Assert.Equal(20, Rows(page, "Orders").Count));
    }

    [Fact]
    public void A_status_in_the_address_filters_the_orders_from_the_start()
    {
        Get<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("admin/orders?status=Paid");
        var page = RenderPage<AdminOrders>();

        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Orders")));
        Assert.All(Rows(page, "Orders"), row => Assert.Contains("Paid", row, StringComparison.Ordinal));
        Assert.Equal("Paid", page.Find("[role=search] .mud-select input").GetAttribute("value"));
    }

    [Fact]
    public void A_status_chosen_from_the_list_filters_the_orders()
    {
        var page = RenderPage<AdminOrders>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Orders")));

        page.Find("[role=search] .mud-select .mud-input-control").MouseDown();
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-list-item")));
        Popovers.FindAll(".mud-list-item").Single(item => item.TextContent.Trim() == "Cancelled").Click();
        Button(page, "Apply filters").Click();

        page.WaitForAssertion(() => Assert.Contains("No orders match these filters.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(Rows(page, "Orders")); // The demo shop has no cancelled order.
    }

    [Fact]
    public void A_date_range_with_no_orders_says_so()
    {
        var page = RenderPage<AdminOrders>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Orders")));

        Box(page, "From (UTC day)").Change("2020-01-01");
        Box(page, "To (UTC day)").Change("2020-01-02");
        Button(page, "Apply filters").Click();

        page.WaitForAssertion(() => Assert.Contains("No orders match these filters.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(Rows(page, "Orders"));
    }

    private static void SortBy(IRenderedComponent<AdminOrders> page, string column) =>
        page.FindAll(".sortable-column-header").Single(header => header.TextContent.Trim() == column).Click();

    private static List<long> Totals(IRenderedComponent<AdminOrders> page) =>
        page.FindAll("[aria-label='Orders'] tr.data-row td:last-child")
            .Select(td => long.Parse(td.TextContent.Replace("₩", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
