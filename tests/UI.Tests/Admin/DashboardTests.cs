using Bunit;
using ECommerce.Domain.Administration;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class DashboardTests(AdminShop shop) : AdminPageTest(shop)
{
    [Fact]
    public async Task The_dashboard_shows_todays_figures_the_top_5_as_a_chart_and_what_runs_out()
    {
        var page = RenderPage<AdminDashboard>();

        page.WaitForElement("[data-figure=revenue]");
        var expected = await Get<SalesDashboard>().GetAsync();
        Assert.Equal(Money.Format(expected.RevenueToday), page.Find("[data-figure=revenue]").TextContent);
        Assert.Equal(expected.PaidOrdersToday.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-figure=paid-orders]").TextContent);
        Assert.Equal("admin/orders?status=AwaitingPayment", page.Find("[data-figure=awaiting]").GetAttribute("href"));
        Assert.Equal("admin/stock?low=true", page.Find("[data-figure=low-stock]").GetAttribute("href"));
        Assert.Contains($"Since {ShopTime.Format(expected.Day)}", page.Markup, StringComparison.Ordinal);
        Assert.Equal(expected.TopSellers.Select(t => t.Name), page.FindAll("ol[aria-label='Top 5 best sellers'] li .name").Select(e => e.TextContent));
        Assert.Equal(expected.TopSellers.Count, page.FindAll(".top-chart path.mud-chart-bar").Count);
        Assert.Equal(["#1", "#2", "#3", "#4", "#5"], page.FindAll(".top-chart .mud-charts-xaxis text").Select(e => e.TextContent));
        Assert.Equal(["#1", "#2", "#3", "#4", "#5"], page.FindAll("ol[aria-label='Top 5 best sellers'] li .rank").Select(e => e.TextContent));
        var running = page.FindAll(".low-stock tbody tr");
        Assert.Equal(expected.LowStock.Count, running.Count);
        Assert.Equal(expected.LowStock.Select(p => $"admin/stock/{p.ProductId}"), running.Select(row => row.QuerySelector("a")!.GetAttribute("href")));
    }

    [Fact]
    public void An_empty_dashboard_says_so_instead_of_showing_empty_lists_or_a_chart()
    {
        var quiet = new DashboardView(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), 0, 0, 0, [], 5, 0, []);

        var figures = Render<DashboardFigures>(p => p.Add(x => x.View, quiet));

        Assert.Contains("Nothing has sold in the last 3 days.", figures.Markup, StringComparison.Ordinal);
        Assert.Contains("No product is running low.", figures.Markup, StringComparison.Ordinal);
        Assert.Empty(figures.FindAll(".top-chart"));
        Assert.Equal("₩0", figures.Find("[data-figure=revenue]").TextContent);
    }
}
