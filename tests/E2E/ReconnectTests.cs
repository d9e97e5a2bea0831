namespace ECommerce.E2E;

/// <summary>
/// When the server dies under an open page, the .NET 10 reconnect dialog says so; when the shop is back, the page
/// works again. The server is killed with SIGKILL: after a gentle stop the first reconnect can still reach the
/// draining server and the dialog may never show.
/// </summary>
public sealed class ReconnectTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public async Task The_reconnect_dialog_shows_while_the_server_is_down_and_the_page_recovers_when_it_is_back()
    {
        var app = await StorefrontProcess.StartAsync();
        StorefrontProcess? restarted = null;
        try
        {
            await using var context = await Shop.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            await Shopper.GoToAsync(page, "catalog");
            var dialog = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(dialog).ToBeHiddenAsync();

            await app.KillAsync();

            await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(dialog).ToContainTextAsync("Reconnecting");

            restarted = await app.RestartAsync();

            // The new server does not know the old circuit: the page loads afresh and is interactive again.
            await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 45_000 });
            await Shopper.WaitForInteractivityAsync(page);
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "In stock only" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("instock=true"));
        }
        finally
        {
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }

            await app.DisposeAsync();
        }
    }
}
