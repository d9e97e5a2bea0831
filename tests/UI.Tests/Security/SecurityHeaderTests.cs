using System.Net;
using AngleSharp.Html.Parser;

namespace ECommerce.UI.Tests.Security;

/// <summary>Every kind of response carries the shop's security headers, error pages and files included.</summary>
[Collection(DevelopmentStorefrontCollection.Name)]
public sealed class SecurityHeaderTests(DevelopmentStorefront shop)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/Account/Login")]
    [InlineData("/wallet")]
    [InlineData("/no-such-page")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/app.css")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = shop.CreateBrowser();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'", csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP would pin nothing and confuse.");
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_response_and_each_response_a_new_one()
    {
        using var client = shop.CreateBrowser();

        var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/", UriKind.Relative));

        var nonces = new List<string>();
        foreach (var response in new[] { first, second })
        {
            var nonce = System.Text.RegularExpressions.Regex.Match(
                response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var inlineScripts = page.QuerySelectorAll("script:not([src])");
            Assert.NotEmpty(inlineScripts);
            Assert.All(inlineScripts, script => Assert.Equal(nonce, script.GetAttribute("nonce")));
            nonces.Add(nonce);
            response.Dispose();
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }
}
