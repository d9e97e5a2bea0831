using System.Collections.Concurrent;
using ECommerce.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using MudBlazor;

namespace ECommerce.Storefront.Components.Pages.Home;

/// <summary>
/// The home page's bar chart of the top 5, rendered by MudBlazor's own <see cref="MudChart{T}"/> once per ranking with
/// the framework's <see cref="HtmlRenderer"/> and shared by every circuit as one markup string. The chart only shows the
/// units sold (the values are written on the bars), and as a live component it was eight components and about 35 KB of
/// render trees, strings and serializer metadata in every open home page, identical in all of them.
/// </summary>
internal static class TopSellerChart
{
    // A ranking changes a few times a day; bounded all the same, like the shared lines (SharedMarkup).
    private const int MostKept = 64;

    private static readonly BarChartOptions Options =
        new() { ShowValues = true, ShowLegend = false, YAxisTitle = "Units sold", ChartPalette = ["#0f766e"] };

    private static readonly ConcurrentDictionary<string, Lazy<Task<MarkupString>>> Charts = new();

    /// <summary>The chart's HTML for these lines: from the cache when any circuit or prerender drew the same bars.</summary>
    public static Task<MarkupString> MarkupAsync(IReadOnlyList<TopSeller> lines, IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        var labels = lines.Select(l => l.Name.Length <= 14 ? l.Name : l.Name[..13] + "…").ToArray();
        var units = lines.Select(l => (double)l.UnitsSold).ToArray();
        var key = string.Join('\u001f', labels.Zip(units, (label, sold) => $"{label}\u001e{sold}"));
        if (Charts.Count >= MostKept)
        {
            Charts.Clear();
        }

        var chart = Charts.GetOrAdd(key, _ => new Lazy<Task<MarkupString>>(() => RenderAsync(labels, units, scopes, logging)));
        if (chart.Value.IsFaulted)
        {
            // A failed render is not kept: the next page draws it again.
            Charts.TryRemove(new KeyValuePair<string, Lazy<Task<MarkupString>>>(key, chart));
        }

        return chart.Value;
    }

    private static async Task<MarkupString> RenderAsync(string[] labels, double[] units, IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, logging);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudChart<double>.ChartType)] = ChartType.Bar,
                [nameof(MudChart<double>.ChartSeries)] = new List<ChartSeries<double>> { new() { Name = "Units sold", Data = units } },
                [nameof(MudChart<double>.ChartLabels)] = labels,
                [nameof(MudChart<double>.Height)] = "240px",
                [nameof(MudChart<double>.ChartOptions)] = Options,
                ["aria-label"] = "Units sold by the top 5",
            });
            var output = await renderer.RenderComponentAsync<MudChart<double>>(parameters);
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
