using ECommerce.Domain.Catalog;
using ECommerce.Storefront.Components.Widgets;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ECommerce.Storefront.Components.Pages.Home;

/// <summary>
/// The home page's bar chart of the top 5, rendered by MudBlazor's own <see cref="MudChart{T}"/> once per ranking and
/// shared by every circuit as one markup string (<see cref="StaticMarkup{TComponent}"/>). The chart only shows the
/// units sold (the values are written on the bars), and as a live component it was eight components and about 35 KB of
/// render trees, strings and serializer metadata in every open home page, identical in all of them.
/// </summary>
internal static class TopSellerChart
{
    // A ranking changes a few times a day; bounded all the same.
    private static readonly StaticMarkup<MudChart<double>> Charts = new(64);

    private static readonly BarChartOptions Options =
        new() { ShowValues = true, ShowLegend = false, YAxisTitle = "Units sold", ChartPalette = ["#0f766e"] };

    /// <summary>The chart's HTML for these lines: from the cache when any circuit or prerender drew the same bars.</summary>
    public static Task<MarkupString> MarkupAsync(IReadOnlyList<TopSeller> lines, IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        // Short labels under the bars; the list beside the chart has the full names.
        var labels = lines.Select(l => l.Name.Length <= 14 ? l.Name : l.Name[..13] + "…").ToArray();
        var units = lines.Select(l => (double)l.UnitsSold).ToArray();
        var key = string.Join('\u001f', labels.Zip(units, (label, sold) => $"{label}\u001e{sold}"));
        return Charts.OfAsync(key, () => new Dictionary<string, object?>
        {
            [nameof(MudChart<double>.ChartType)] = ChartType.Bar,
            [nameof(MudChart<double>.ChartSeries)] = new List<ChartSeries<double>> { new() { Name = "Units sold", Data = units } },
            [nameof(MudChart<double>.ChartLabels)] = labels,
            [nameof(MudChart<double>.Height)] = "240px",
            [nameof(MudChart<double>.ChartOptions)] = Options,
            ["aria-label"] = "Units sold by the top 5",
        }, scopes, logging);
    }
}
