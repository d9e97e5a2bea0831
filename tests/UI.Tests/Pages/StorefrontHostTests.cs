using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.UI.Tests.Pages;

[Collection(StorefrontCollection.Name)]
public sealed class StorefrontHostTests(StorefrontFactory factory)
{
    [Fact]
    public async Task Home_page_shows_the_seeded_best_sellers_and_categories()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, page.QuerySelectorAll("li.top-seller").Length);
        Assert.Contains("Coffee & Tea", page.QuerySelector(".category-list")!.TextContent);
        Assert.Contains("Welcome: ₩3,000 off", page.QuerySelector(".coupon-teaser")!.TextContent);
    }

    [Fact]
    public async Task Blazor_script_is_served_as_javascript()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Blazor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_script_stylesheet_and_icon_the_page_links_is_served_from_the_app_and_kept_for_good()
    {
        using var client = factory.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        var links = page.QuerySelectorAll("script[src], link[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();

        Assert.Contains(links, l => l.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("favicon.", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("Components/Layout/ReconnectModal.", StringComparison.Ordinal));
        foreach (var link in links)
        {
            Assert.False(Uri.TryCreate(link, UriKind.Absolute, out _), $"{link} is not the app's own");
            using var response = await client.GetAsync(new Uri("/" + link, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{link} answered {(int)response.StatusCode}");
            // Every link is fingerprinted, so a browser keeps it: outside Development the assets are served from the
            // build's manifest, not by the development handler that answers no-cache (StorefrontRegistration).
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString().Replace("public, ", "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/catalog?q=coffee")]
    [InlineData("/products/1")]
    public async Task A_prerendered_page_hands_what_it_read_to_the_interactive_page(string path)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        // The persisted component state travels in the page, so the circuit does not read the same again.
        Assert.Matches("<!--Blazor-Server-Component-State:[A-Za-z0-9+/=_-]{100,}-->", html);
    }

    [Theory]
    [InlineData("/wallet")]
    [InlineData("/cart")]
    [InlineData("/checkout?coupon=3")]
    [InlineData("/orders")]
    [InlineData("/orders/1")]
    public async Task Pages_for_shoppers_send_a_visitor_to_sign_in_and_back(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/Account/Login", location.AbsolutePath);
        Assert.Equal(path, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
    }

    [Fact]
    public async Task Scoped_styles_of_the_components_are_served()
    {
        using var client = factory.CreateClient();

        var css = await client.GetStringAsync(new Uri("/ECommerce.Storefront.styles.css", UriKind.Relative));

        Assert.Contains(".reconnect-box[b-", css, StringComparison.Ordinal);
        Assert.Contains(".hero[b-", css, StringComparison.Ordinal);
        // The fixed scopes that the cards and top-5 lines written as markup strings carry (ProductCardMarkup).
        Assert.Contains(".product-card[b-product-card]", css, StringComparison.Ordinal);
        Assert.Contains(".product-art[b-product-art]", css, StringComparison.Ordinal);
        Assert.Contains(".top-seller[b-top-sellers]", css, StringComparison.Ordinal);
    }
}
