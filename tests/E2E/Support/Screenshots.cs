namespace ECommerce.E2E.Support;

/// <summary>Full-page screenshots for the docs, taken only when SHOP_SCREENSHOTS names a folder.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("SHOP_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.Mouse.MoveAsync(0, 0); // No hover underline left where the last click was.
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, $"{name}.png"),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled, // No half-drawn click ripples in the docs.
        });
    }
}
