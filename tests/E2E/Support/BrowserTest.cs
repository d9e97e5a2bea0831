using System.Runtime.CompilerServices;

namespace ECommerce.E2E.Support;

/// <summary>A test in its own browser context (own cookies). A failing test leaves a screenshot of its page in tests/E2E/screenshots.</summary>
[Collection(ShopCollection.Name)]
public abstract class BrowserTest(ShopFixture shop)
{
    protected ShopFixture Shop => shop;

    protected async Task InBrowserAsync(Func<IPage, Task> test, [CallerMemberName] string name = "")
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
            var file = Path.Combine(BuildPaths.ScreenshotFolder, $"{GetType().Name}.{name}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png", FullPage = true });
            await File.WriteAllTextAsync(file + ".html", await page.ContentAsync());
            throw;
        }
    }

    /// <summary>A further browser context (own cookies), e.g. a second admin in the same test.</summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await shop.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = shop.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }
}
