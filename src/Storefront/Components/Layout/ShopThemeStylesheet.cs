using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using MudBlazor;

namespace ECommerce.Storefront.Components.Layout;

/// <summary>
/// The shop's light theme as a stylesheet, <c>/shop-theme.css</c>: exactly the CSS variables that
/// <see cref="MudThemeProvider"/> writes, rendered once from <see cref="ShopTheme"/>. Written inline, that block was
/// 13 KB of every page's HTML and rebuilt on every prerender; as a file the browser fetches it once. The provider
/// itself runs only in the circuit (see MainLayout), where it takes over, dark mode included.
/// </summary>
public sealed partial class ShopThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory logging)
{
    public const string Path = "/shop-theme.css";

    // The stylesheet is a function of the code alone (ShopTheme and MudBlazor), so a build's id names its version and
    // the browser may keep each version for good.
    private static readonly string Version = typeof(ShopTheme).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    private readonly Lazy<Task<string>> css = new(() => RenderAsync(scopes, logging));

    /// <summary>The address pages link to; it changes with every build, so a cached copy is never stale.</summary>
    public static string Href => $"{Path.TrimStart('/')}?v={Version}";

    public Task<string> GetCssAsync() => css.Value;

    private static async Task<string> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, logging);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = ShopTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = false,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return string.Join('\n', StyleBlock().Matches(html).Select(m => m.Groups["css"].Value.Trim()));
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
