using System.Diagnostics;
using ECommerce.Domain.Live;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Live;

/// <summary>
/// The figures open pages follow: every committed change reaches a subscriber within a second, with the figure as
/// the database has it; a refusal sends nothing; a stampede of changes makes few flushes, each read once for all.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class LiveFiguresTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>For tests whose point is who takes an update, not how soon.</summary>
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_paid_sale_reaches_an_open_subscriber_within_a_second_with_the_stock_left()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 5);
        await FigureUpdates.SettleAsync(shop);
        var updates = new FigureUpdates();
        using var subscription = shop.Get<LiveFigures>().Subscribe(updates.Take);

        await FigureUpdates.SellAsync(shop, product.Id, quantity: 2);

        var (update, _) = await updates.WaitForAsync(u => u.Stock.ContainsKey(product.Id), Second);
        Assert.Equal(3, update.Stock[product.Id]);
        Assert.True(update.OrdersChanged);
    }

    [Fact]
    public async Task A_claim_counts_down_the_coupons_left()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 10);
        await FigureUpdates.SettleAsync(shop);
        var updates = new FigureUpdates();
        using var subscription = shop.Get<LiveFigures>().Subscribe(updates.Take);

        Assert.True((await shop.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        Assert.True((await shop.Coupons.ClaimAsync("bob", campaign.Id)).IsSuccess);

        await updates.WaitForAsync(u => u.CouponsLeft.GetValueOrDefault(campaign.Id) == 8, Second);
    }

    [Fact]
    public async Task A_restock_and_a_new_product_reach_the_subscriber_with_the_catalog_marked_changed()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 1);
        await FigureUpdates.SettleAsync(shop);
        var updates = new FigureUpdates();
        using var subscription = shop.Get<LiveFigures>().Subscribe(updates.Take);

        Assert.True((await shop.Inventory.AdjustStockAsync(product.Id, 20, "Delivery", "admin")).IsSuccess);
        await updates.WaitForAsync(u => u.Stock.GetValueOrDefault(product.Id) == 21 && !u.CatalogChanged, Second);
        var added = await shop.AddProductAsync(stock: 4);

        var (update, _) = await updates.WaitForAsync(u => u.Stock.ContainsKey(added.Id), Second);
        Assert.True(update.CatalogChanged);
        Assert.Equal(4, update.Stock[added.Id]);
    }

    [Fact]
    public async Task A_refused_sale_sends_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 1);
        var figures = shop.Get<LiveFigures>();
        await FigureUpdates.SettleAsync(shop);
        var updates = new FigureUpdates();
        using var subscription = figures.Subscribe(updates.Take);
        var flushes = figures.Flushes;

        var refused = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 5)], null, Guid.NewGuid().ToString()));
        await Task.Delay(3 * shop.Get<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.FlushInterval);

        Assert.Equal(ErrorCode.OutOfStock, refused.Error?.Code);
        Assert.Empty(updates.Received);
        Assert.Equal(flushes, figures.Flushes);
    }

    [Fact]
    public async Task A_stampede_of_sales_makes_few_flushes_and_each_subscriber_takes_each_flush_once()
    {
        await using var shop = await ShopHarness.StartAsync();
        var products = new[] { await shop.AddProductAsync(stock: 1_000), await shop.AddProductAsync(stock: 1_000) };
        var figures = shop.Get<LiveFigures>();
        await FigureUpdates.SettleAsync(shop);
        var pages = Enumerable.Range(0, 50).Select(_ => new FigureUpdates()).ToList();
        var subscriptions = pages.Select(p => figures.Subscribe(p.Take)).ToList();
        var flushesBefore = figures.Flushes;
        var interval = shop.Get<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.FlushInterval;

        const int sales = 400;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, sales).Select(i =>
            shop.Inventory.AdjustStockAsync(products[i % 2].Id, -1, "Sold at the market stall", "admin")));
        var took = clock.Elapsed;
        foreach (var page in pages)
        {
            await page.WaitForAsync(u => u.Stock.GetValueOrDefault(products[0].Id) == 800, Eventually);
            await page.WaitForAsync(u => u.Stock.GetValueOrDefault(products[1].Id) == 800, Eventually);
        }

        await Task.Delay(2 * interval);
        var flushes = figures.Flushes - flushesBefore;
        // One flush per interval at most, plus the one that takes what the last sales left dirty.
        var bound = (long)Math.Ceiling(took / interval) + 2;
        Assert.InRange(flushes, 1, bound);
        Assert.All(pages, p => Assert.Equal(flushes, p.Received.Count));
        Assert.All(pages, p => Assert.Equal(800, p.Received.Last(u => u.Stock.ContainsKey(products[1].Id)).Stock[products[1].Id]));
        subscriptions.ForEach(s => s.Dispose());
        Assert.Equal(0, figures.Subscribers);
    }

    [Fact]
    public async Task Ten_bursts_of_changes_make_fewer_flushes_than_bursts()
    {
        await using var shop = await ShopHarness.StartAsync();
        var products = new[] { await shop.AddProductAsync(), await shop.AddProductAsync() };
        var figures = shop.Get<LiveFigures>();
        await FigureUpdates.SettleAsync(shop);
        var page = new FigureUpdates();
        using var subscription = figures.Subscribe(page.Take);
        var flushesBefore = figures.Flushes;
        var feed = shop.Get<ChangeFeed>();

        // 5,000 committed changes as the feed hears them, in ten bursts 100 ms apart: half the flush interval.
        var clock = Stopwatch.StartNew();
        for (var burst = 0; burst < 10; burst++)
        {
            for (var change = 0; change < 500; change++)
            {
                var changes = new ShopChanges();
                changes.Products.Add(products[change % 2].Id);
                feed.Committed(changes);
            }

            await Task.Delay(100);
        }

        var took = clock.Elapsed;
        await FigureUpdates.SettleAsync(shop);
        var flushes = figures.Flushes - flushesBefore;
        var interval = shop.Get<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.FlushInterval;
        Assert.InRange(flushes, 1, Math.Min(9, (long)Math.Ceiling(took / interval) + 2));
        Assert.Equal(flushes, page.Received.Count);
    }

    [Fact]
    public async Task A_page_that_closed_takes_nothing_more()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);
        var figures = shop.Get<LiveFigures>();
        await FigureUpdates.SettleAsync(shop);
        var closed = new FigureUpdates();
        var open = new FigureUpdates();
        var closedSubscription = figures.Subscribe(closed.Take);
        using var openSubscription = figures.Subscribe(open.Take);

        closedSubscription.Dispose();
        await shop.Inventory.AdjustStockAsync(product.Id, 1, "Delivery", "admin");

        await open.WaitForAsync(u => u.Stock.GetValueOrDefault(product.Id) == 11, Eventually);
        Assert.Empty(closed.Received);
        Assert.Equal(1, figures.Subscribers);
    }

    [Fact]
    public async Task A_page_that_fails_to_take_an_update_does_not_keep_it_from_the_others()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);
        var figures = shop.Get<LiveFigures>();
        await FigureUpdates.SettleAsync(shop);
        var open = new FigureUpdates();
        using var broken = figures.Subscribe(_ => throw new InvalidOperationException("The circuit is gone."));
        using var openSubscription = figures.Subscribe(open.Take);

        await shop.Inventory.AdjustStockAsync(product.Id, 1, "Delivery", "admin");
        await shop.Inventory.AdjustStockAsync(product.Id, 1, "Delivery", "admin");

        await open.WaitForAsync(u => u.Stock.GetValueOrDefault(product.Id) == 12, Eventually);
    }

    [Fact]
    public async Task Missed_changes_hand_every_product_s_stock_and_every_campaign_s_coupons_left_in_one_flush()
    {
        await using var shop = await ShopHarness.StartAsync();
        var products = new[] { await shop.AddProductAsync(stock: 3), await shop.AddProductAsync(stock: 9) };
        var campaign = await shop.AddCampaignAsync(quantity: 6);
        var figures = shop.Get<LiveFigures>();
        await FigureUpdates.SettleAsync(shop);
        var page = new FigureUpdates();
        using var subscription = figures.Subscribe(page.Take);

        shop.Get<ChangeFeed>().MissedChanges();

        var (update, _) = await page.WaitForAsync(u => u.Stock.Count > 0, Second);
        Assert.Equal(3, update.Stock[products[0].Id]);
        Assert.Equal(9, update.Stock[products[1].Id]);
        Assert.Equal(6, update.CouponsLeft[campaign.Id]);
        Assert.True(update.CatalogChanged && update.OrdersChanged);
        Assert.Single(page.Received);
    }
}
