using System.Diagnostics;
using Microsoft.Playwright;

namespace ECommerce.CircuitLoad;

/// <summary>
/// The page action timed while the circuits are held: the header's theme switch, a click the server answers by
/// re-rendering the switch over the circuit (its class turns the page's palette, see docs/render-modes.md).
/// </summary>
internal static class PageAction
{
    // Timed inside the page, as a shopper feels it: from the click's dispatch until the DOM shows the new state (a
    // MutationObserver, called as soon as Blazor has applied the server's render batch), and until the frame after it
    // (the page restyled with the other palette). No Playwright round trip is in it: Playwright's ClickAsync first checks
    // the button is visible, stable over two animation frames and hit by the pointer, and its WaitForAsync polls, all
    // before and after what the shopper waits for.
    private const string ClickAndWatch = """
        ([from, to]) => new Promise(resolve => {
            const button = document.querySelector(`button[aria-label='${from}']`);
            const start = performance.now();
            const observer = new MutationObserver(() => {
                if (!document.querySelector(`button[aria-label='${to}']`)) return;
                observer.disconnect();
                const shown = performance.now() - start;
                requestAnimationFrame(() => setTimeout(() => resolve([shown, performance.now() - start]), 0));
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
            button.click();
        })
        """;

    /// <summary>Clicks the switch <paramref name="times"/> times; per click, milliseconds until the DOM changed and until the next frame.</summary>
    public static async Task<(double[] Shown, double[] Painted)> TimeAsync(IPage page, int times)
    {
        var shown = new double[times];
        var painted = new double[times];
        for (var i = 0; i < times; i++)
        {
            var (from, to) = await StatesAsync(page);
            var timing = await page.EvaluateAsync<double[]>(ClickAndWatch, new[] { from, to });
            (shown[i], painted[i]) = (timing[0], timing[1]);
        }

        return (shown, painted);
    }

    /// <summary>
    /// The same clicks as Playwright drives them (the measure before 2026-12-01): ClickAsync with its actionability
    /// checks, then WaitForAsync on the new state. Kept to show what the harness itself added.
    /// </summary>
    public static async Task<double[]> TimeThroughPlaywrightAsync(IPage page, int times)
    {
        var timings = new double[times];
        for (var i = 0; i < times; i++)
        {
            var (from, to) = await StatesAsync(page);
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

    private static async Task<(string From, string To)> StatesAsync(IPage page) =>
        await page.Locator("button[aria-label='Dark theme']").CountAsync() > 0
            ? ("Dark theme", "Light theme")
            : ("Light theme", "Dark theme");
}
