using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.UI.Tests.Admin;

/// <summary>Who gets into the admin area over plain HTTP: direct URLs and form posts, before any circuit exists.</summary>
public sealed class AdminAccessTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    public static TheoryData<string> AdminPages =>
    [
        "/admin", "/admin/orders", "/admin/orders/1", "/admin/stock", "/admin/stock/1", "/admin/coupons", "/admin/data-platform",
        "/admin/activity", "/admin/operations",
    ];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_visitor_is_sent_to_sign_in_and_back(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Equal(path, QueryHelpers.ParseQuery(response.Headers.Location.Query)["ReturnUrl"].ToString());
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_signed_in_shopper_is_told_not_allowed_and_sees_no_admin_data(string path)
    {
        using var client = await SignedInClient.CreateAsync(factory, SignedInClient.ShopperEmail, SignedInClient.ShopperPassword);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        var refusal = await client.GetStringAsync(response.Headers.Location);

        var page = new HtmlParser().ParseDocument(refusal);
        Assert.Equal("This page is not for your account.", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Null(page.QuerySelector("nav[aria-label=Admin]"));
        Assert.Null(page.QuerySelector("[data-figure], .rz-data-grid, table"));
        Assert.DoesNotContain("₩", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shoppers_form_post_to_an_admin_page_changes_nothing()
    {
        using var client = await SignedInClient.CreateAsync(factory, SignedInClient.ShopperEmail, SignedInClient.ShopperPassword);
        var before = await StockOfFirstProductAsync();

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "adjust", ["delta"] = "100", ["reason"] = "free stock",
        });
        using var response = await client.PostAsync(new Uri("/admin/stock/1", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.Equal(before, await StockOfFirstProductAsync());
    }

    [Fact]
    public async Task The_admin_gets_the_dashboard_with_todays_figures_and_the_admin_navigation()
    {
        using var client = await SignedInClient.CreateAsync(factory, SignedInClient.AdminEmail, SignedInClient.AdminPassword);

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("nav[aria-label=Admin]"));
        Assert.StartsWith("₩", page.QuerySelector("[data-figure=revenue]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("ol[aria-label='Top 5 best sellers'] li").Length);
        Assert.Contains("Sleeping Bag 3-season", page.QuerySelector(".low-stock")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_sees_an_orders_lines_payment_and_the_shoppers_email()
    {
        using var client = await SignedInClient.CreateAsync(factory, SignedInClient.AdminEmail, SignedInClient.AdminPassword);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/admin/orders/1", UriKind.Relative)));

        Assert.EndsWith("@example.com", page.QuerySelector("[data-testid=shopper]")!.TextContent, StringComparison.Ordinal);
        var lines = page.QuerySelectorAll("table").Single(table => table.QuerySelector("caption")?.TextContent == "Order lines");
        Assert.NotEmpty(lines.QuerySelectorAll("tbody tr"));
        Assert.Contains("from the wallet", page.QuerySelector("[data-testid=payment]")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<int> StockOfFirstProductAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CatalogService>().GetProductAsync(1)).Value!.Stock;
    }
}
