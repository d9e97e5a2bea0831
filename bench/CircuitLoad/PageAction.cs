using System.Diagnostics;
using Microsoft.Playwright;

namespace ECommerce.CircuitLoad;

/// <summary>
/// The page action timed while the circuits are held: the header's theme switch, a click the server answers by
/// re-rendering the layout over the circuit. Timed from the click until the page shows the new state.
/// </summary>
internal static class PageAction
{
    public static async Task<double[]> TimeAsync(IPage page, int times)
    {
        var timings = new double[times];
        for (var i = 0; i < times; i++)
        {
            var (from, to) = await page.Locator("button[aria-label='Dark theme']").CountAsync() > 0
                ? ("Dark theme", "Light theme")
                : ("Light theme", "Dark theme");
            var clock = Stopwatch.StartNew();
            await page.Locator($"button[aria-label='{from}']").ClickAsync();
            await page.Locator($"button[aria-label='{to}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            timings[i] = clock.Elapsed.TotalMilliseconds;
        }

        return timings;
    }

    public static double Percentile(double[] timings, double p)
    {
        var sorted = timings.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
