using System.Net;
using ECommerce.Storefront.Accounts;

namespace ECommerce.UI.Tests.Security;

/// <summary>Crafted return addresses on sign-in and sign-out: never a 500 or a stack trace, never a redirect off the site.</summary>
[Collection(DevelopmentStorefrontCollection.Name)]
public sealed class ReturnUrlTests(DevelopmentStorefront shop)
{
    public static readonly TheoryData<string> Crafted = new()
    {
        "http://evil.example/", "https://evil.example/wallet", "//evil.example", "///evil.example", "/\\evil.example",
        "\\\\evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
        "https:evil.example", " //evil.example", "/%09/evil.example", "\t//evil.example", "/wallet\r\nLocation: http://evil.example",
        "%2F%2Fevil.example", "~//evil.example", new string('a', 5000), "\u0000", "/catalog?q=<script>",
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task A_sign_in_link_with_a_crafted_return_address_shows_the_sign_in_page(string returnUrl)
    {
        using var client = shop.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>Sign in</h1>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task Signing_in_with_a_crafted_return_address_lands_on_the_shop(string returnUrl)
    {
        using var client = shop.CreateBrowser();

        using var response = await AccountForms.PostAsync(client, $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Input.Email"] = "shopper@example.com", ["Input.Password"] = "Shopper123!" });

        AssertStaysOnSite(response);
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task Signing_out_with_a_crafted_return_address_lands_on_the_shop(string returnUrl)
    {
        using var client = shop.CreateBrowser();
        await AccountForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = "shopper@example.com", ["Input.Password"] = "Shopper123!" });
        var token = await AccountForms.SignOutTokenAsync(client);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
        });
        using var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), content);

        if (returnUrl.Contains('\0', StringComparison.Ordinal))
        {
            // A NUL in the form fails the antiforgery check: refused with a message, nothing done, no 500.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("sign-out form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return;
        }

        AssertStaysOnSite(response);
    }

    [Theory]
    [InlineData("wallet", "/wallet")]
    [InlineData("/orders/3", "/orders/3")]
    [InlineData("catalog?q=tea&page=2", "/catalog?q=tea&page=2")]
    [InlineData("~/cart", "/cart")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void A_return_address_is_kept_when_local_and_replaced_by_home_otherwise(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.From(returnUrl));

    private static void AssertStaysOnSite(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        if (location.IsAbsoluteUri)
        {
            Assert.Equal("localhost", location.Host); // The test server's own address.
            return;
        }

        Assert.StartsWith("/", location.OriginalString, StringComparison.Ordinal);
        Assert.False(location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal),
            $"Redirected off the site: {location}");
    }
}
