using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Catalog;

public sealed class TopSellerRankingTests
{
    [Fact]
    public async Task The_ranking_is_kept_for_the_refresh_period_while_stock_stays_live()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Shop:Catalog:TopSellersRefresh"] = "00:01:00",
        });
        var first = await shop.AddProductAsync(stock: 10);
        var second = await shop.AddProductAsync(stock: 10);
        await BuyAsync(shop, "ann", first.Id, 2);
        Assert.Equal([first.Id], (await shop.Catalog.GetTopSellersAsync()).Select(t => t.ProductId));

        await BuyAsync(shop, "bob", second.Id, 3);
        await BuyAsync(shop, "cid", first.Id, 1);

        var kept = Assert.Single(await shop.Catalog.GetTopSellersAsync());
        Assert.Equal((first.Id, 2L, 7), (kept.ProductId, kept.UnitsSold, kept.Stock));

        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        await shop.Catalog.GetTopSellersAsync(); // Starts the refresh; answers with the kept ranking meanwhile.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        IReadOnlyList<TopSeller> fresh;
        while ((fresh = await shop.Catalog.GetTopSellersAsync()).Count < 2)
        {
            await Task.Delay(20, patience.Token);
        }

        Assert.Equal([(first.Id, 3L), (second.Id, 3L)], fresh.Select(t => (t.ProductId, t.UnitsSold)));
    }

    private static async Task BuyAsync(ShopHarness shop, string shopper, int productId, int quantity)
    {
        await shop.ChargeAsync(shopper, 1_000_000);
        var order = await shop.PlaceAsync(shopper, productId, quantity);
        Assert.True((await shop.Orders.PayAsync(shopper, order.Id)).IsSuccess);
    }
}
