using System.Globalization;
using System.Text.RegularExpressions;

namespace ECommerce.E2E.Operations;

/// <summary>The circuits gauge at /metrics follows real browser pages opening and closing.</summary>
public sealed partial class CircuitGaugeTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public async Task Pages_opened_raise_the_open_circuits_and_pages_closed_lower_them_again()
    {
        var before = await OpenCircuitsAsync();
        await using var context = await NewContextAsync();
        var pages = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            var page = await context.NewPageAsync();
            await Shopper.GoToAsync(page, "/");
            pages.Add(page);
        }

        await WaitForCircuitsAsync(before + 3);

        // Closing a tab tells the server at once (blazor.web.js sends its goodbye on unload), so the circuit closes then.
        foreach (var page in pages)
        {
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }

        await WaitForCircuitsAsync(before);
    }

    private async Task WaitForCircuitsAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        long seen;
        while ((seen = await OpenCircuitsAsync()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(expected, seen);
    }

    private async Task<long> OpenCircuitsAsync()
    {
        using var http = new HttpClient { BaseAddress = Shop.App.BaseAddress };
        var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var sample = CircuitsSample().Match(scrape);
        return sample.Success ? long.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^shop_circuits_open(\{[^}]*\})? (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex CircuitsSample();
}
