using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Administration.AdminScenario;

namespace ECommerce.Domain.Tests.Administration;

public sealed class SalesDashboardTests
{
    [Fact]
    public async Task Shows_todays_revenue_and_orders_the_unpaid_ones_and_the_best_sellers()
    {
        // The harness starts at 10:30 UTC; yesterday's last minute and today's first one are the edges.
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(price: 4_000, stock: 100, name: "Tea");
        var cups = await shop.AddProductAsync(price: 10_000, stock: 100, name: "Cups");
        var campaign = await shop.AddCampaignAsync(value: 1_000, code: "TODAY");
        var coupon = Ok(await shop.Coupons.ClaimAsync("ann", campaign.Id));
        shop.Clock.Advance(TimeSpan.FromHours(13.5) - TimeSpan.FromMinutes(1)); // 23:59 on day 1
        await SellAsync(shop, "ann", cups.Id, 5);
        shop.Clock.Advance(TimeSpan.FromMinutes(1)); // 00:00 on day 2: "today" from here on
        await SellAsync(shop, "bob", tea.Id, 2, couponId: null);
        shop.Clock.Advance(TimeSpan.FromHours(3));
        await SellAsync(shop, "ann", cups.Id, 1, coupon.Id);
        var lapsed = await shop.PlaceAsync("dan", tea.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(10));
        await shop.PlaceAsync("cid", tea.Id);
        await shop.PlaceAsync("eve", tea.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(6)); // dan's 15-minute window has closed, even before the sweep marks it

        var dashboard = await shop.Get<SalesDashboard>().GetAsync();

        Assert.Equal(ShopHarness.Start.UtcDateTime.Date.AddDays(1), dashboard.Day);
        Assert.Equal(8_000 + 9_000, dashboard.RevenueToday);
        Assert.Equal(2, dashboard.PaidOrdersToday);
        Assert.Equal(2, dashboard.AwaitingPayment);
        Assert.Equal(OrderStatus.AwaitingPayment, (await shop.OrderQueries.GetMyOrderAsync("dan", lapsed.Id)).Value!.Status);
        Assert.Equal([("Cups", 6L), ("Tea", 2L)], dashboard.TopSellers.Select(t => (t.Name, t.UnitsSold)));
    }

    [Fact]
    public async Task Lists_products_at_or_below_the_configured_low_stock_threshold()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?> { ["Shop:Catalog:LowStockThreshold"] = "3" });
        await shop.AddProductAsync(stock: 4, name: "Four");
        var three = await shop.AddProductAsync(stock: 3, name: "Three");
        var none = await shop.AddProductAsync(stock: 0, name: "None");

        var dashboard = await shop.Get<SalesDashboard>().GetAsync();

        Assert.Equal(3, dashboard.LowStockThreshold);
        Assert.Equal(2, dashboard.LowStockCount);
        Assert.Equal([new LowStockProduct(none.Id, "None", 0), new LowStockProduct(three.Id, "Three", 3)], dashboard.LowStock);
    }

    [Fact]
    public async Task An_empty_shop_shows_zeros_and_the_default_threshold()
    {
        await using var shop = await ShopHarness.StartAsync();

        var dashboard = await shop.Get<SalesDashboard>().GetAsync();

        Assert.Equal((0L, 0, 0, 5, 0), (dashboard.RevenueToday, dashboard.PaidOrdersToday, dashboard.AwaitingPayment,
            dashboard.LowStockThreshold, dashboard.LowStockCount));
        Assert.Empty(dashboard.TopSellers);
    }
}
