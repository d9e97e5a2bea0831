using System.Net;
using ECommerce.Storefront.Components.Layout;

namespace ECommerce.UI.Tests.Pages;

/// <summary>The theme as a file, light and dark: pages link it instead of carrying MudBlazor's 13 KB style block.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class ShopThemeStylesheetTests(StorefrontFactory factory)
{
    // The shop's paper background and teal, as MudThemeProvider writes them for the light palette.
    private const string LightBackground = "--mud-palette-background: rgba(246,244,239,1)";
    private const string Primary = "--mud-palette-primary: rgba(15,118,110,1)";
    // The shop's night paper, as MudThemeProvider writes it for the dark palette.
    private const string DarkBackground = "--mud-palette-background: rgba(15,19,26,1)";

    [Fact]
    public async Task A_prerendered_page_links_the_theme_and_carries_no_copy_of_it()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/catalog", UriKind.Relative));

        Assert.Contains($"<link rel=\"stylesheet\" href=\"{ShopThemeStylesheet.Href}\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-theme-provider", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--mud-palette-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_holds_the_shop_palette_and_is_kept_for_good()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/" + ShopThemeStylesheet.Href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var css = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("::-webkit-scrollbar", css, StringComparison.Ordinal);
        Assert.Contains(LightBackground, css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Primary, css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", css, StringComparison.Ordinal);

        // The dark palette comes last and only under the switch's marker, so the light one is the page's until then.
        var dark = css.IndexOf($":root:has(.{ShopThemeStylesheet.DarkMarker}){{", StringComparison.Ordinal);
        Assert.True(dark > css.IndexOf(LightBackground, StringComparison.OrdinalIgnoreCase), "The dark palette is missing or not last.");
        Assert.Contains(DarkBackground, css[dark..], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DarkBackground, css[..dark], StringComparison.OrdinalIgnoreCase);
    }
}
