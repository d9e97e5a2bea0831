using Bunit;
using ECommerce.Storefront.Components.Pages.Admin;
using Microsoft.Extensions.Configuration;

namespace ECommerce.UI.Tests.Admin;

/// <summary>The admin's pages over a database that cannot be opened: each says so in the shop's words, none breaks.</summary>
public sealed class ReadFailureTests(AdminShop shop) : AdminPageTest(shop, Unreachable)
{
    private static readonly IConfiguration Unreachable = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Shop:Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "shop.db")}",
    }).Build();

    [Fact]
    public void A_grid_that_cannot_be_read_says_so_above_an_empty_grid()
    {
        var page = RenderPage<AdminActivity>();

        page.WaitForAssertion(() => Assert.Contains("We could not load the activity log right now. Please try again in a moment.",
            page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Rows(page, "Admin activity"));
    }

    [Fact]
    public void The_dashboard_that_cannot_be_read_says_so_with_a_way_to_try_again()
    {
        var page = RenderPage<AdminDashboard>();

        page.WaitForAssertion(() => Assert.Contains("We could not load the dashboard right now.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("admin", page.Find("[role=alert] a").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-figure]"));
    }

    [Fact]
    public void A_product_that_cannot_be_read_says_so_instead_of_a_form()
    {
        var page = RenderPage<AdminStockProduct>(p => p.Add(x => x.ProductId, 1));

        page.WaitForAssertion(() => Assert.Contains("We could not load the product right now.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=shown-stock]"));
    }
}
