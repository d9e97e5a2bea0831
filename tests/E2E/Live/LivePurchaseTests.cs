using System.Diagnostics;

namespace ECommerce.E2E.Live;

/// <summary>A shopper's open product page follows a purchase made by someone else, within a second, without a reload.</summary>
public sealed class LivePurchaseTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task An_open_product_page_shows_a_purchase_made_in_another_browser_within_a_second() => InBrowserAsync(async watcher =>
    {
        var lamp = await Shop.Domain.AddProductAsync("E2E Live Lamp", 10_000, 6);
        await Shopper.GoToAsync(watcher, $"products/{lamp.Id}");
        var stock = watcher.Locator(".stock .mud-chip.stock");
        await Assertions.Expect(stock).ToHaveTextAsync("6 in stock");
        // A mark in the page's window: a reload would wipe it.
        await watcher.EvaluateAsync("() => window.stillTheSamePage = true");

        await using var buyerContext = await NewContextAsync();
        var buyer = await buyerContext.NewPageAsync();
        await Shopper.RegisterAsync(buyer);
        await Shopper.ChargeAsync(buyer, 20_000);
        await Shopper.AddToCartAsync(buyer, lamp.Id, quantity: 2);
        await Shopper.PlaceOrderAsync(buyer);
        await Shopper.PayAsync(buyer, 20_000);
        var paid = Stopwatch.StartNew();

        await Assertions.Expect(stock).ToHaveTextAsync("Only 4 left", new() { Timeout = 1_000 });
        Assert.True(paid.Elapsed < TimeSpan.FromSeconds(1), $"shown {paid.Elapsed} after the buyer saw the order paid");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The product page was reloaded.");
    });
}
