using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using MudBlazor;

namespace ECommerce.Storefront.Components.Layout;

/// <summary>
/// The shop's theme as a stylesheet, <c>/shop-theme.css</c>: exactly the CSS that <see cref="MudThemeProvider"/> writes,
/// rendered once from <see cref="ShopTheme"/>, light and dark. The light palette is the page's (<c>:root</c>); the dark
/// one applies while the page holds an element of class <see cref="DarkMarker"/> (the header's switch, once switched):
/// no provider is held in any circuit. Written inline, the provider's 13 KB block was part of every page's HTML, a
/// 26 KB string in every circuit's render tree, and the whole render batch of each switch (see docs/render-modes.md).
/// </summary>
public sealed partial class ShopThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory logging)
{
    public const string Path = "/shop-theme.css";

    // The stylesheet is a function of the code alone (ShopTheme and MudBlazor), so a build's id names its version and
    // the browser may keep each version for good.
    private static readonly string Version = typeof(ShopTheme).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    private readonly Lazy<Task<string>> css = new(() => RenderAsync(scopes, logging));

    /// <summary>The class whose presence anywhere on the page switches the palette to dark.</summary>
    public const string DarkMarker = "shop-dark";

    /// <summary>The address pages link to; it changes with every build, so a cached copy is never stale.</summary>
    public static string Href => $"{Path.TrimStart('/')}?v={Version}";

    public Task<string> GetCssAsync() => css.Value;

    private static async Task<string> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        var light = StyleBlocks(await RenderProviderAsync(scopes, logging, darkMode: false));
        // The dark palette's variables only, under a selector more specific than :root, so they win while it matches.
        var darkPalette = StyleBlocks(await RenderProviderAsync(scopes, logging, darkMode: true))
            .Single(block => block.Contains("--mud-palette-background", StringComparison.Ordinal));
        if (!darkPalette.StartsWith(Root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"MudThemeProvider no longer scopes its palette to {Root}: the dark theme needs another selector.");
        }

        var dark = $"{Root}:has(.{DarkMarker}){darkPalette[Root.Length..]}";
        return string.Join('\n', [.. light, dark]);
    }

    private const string Root = ":root";

    private static async Task<string> RenderProviderAsync(IServiceScopeFactory scopes, ILoggerFactory logging, bool darkMode)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, logging);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = ShopTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
    }

    private static List<string> StyleBlocks(string html) => [.. StyleBlock().Matches(html).Select(m => m.Groups["css"].Value.Trim())];

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
