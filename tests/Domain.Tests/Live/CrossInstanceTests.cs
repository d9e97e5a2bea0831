using System.Diagnostics;
using ECommerce.Domain.Live;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Live;

/// <summary>
/// Two instances (two service providers with their own pools, hubs and listeners) on one PostgreSQL database: what
/// one commits reaches the other's open pages through LISTEN/NOTIFY within a second.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class CrossInstanceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_claim_in_one_instance_reaches_a_subscriber_of_the_other_within_a_second()
    {
        await using var first = await ShopHarness.StartAsync();
        await using var second = await first.StartNeighbourAsync(TransactionShape.Serialized);
        await second.Get<PostgreSqlChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var campaign = await first.AddCampaignAsync(quantity: 5);
        await FigureUpdates.SettleAsync(second);
        var updates = new FigureUpdates();
        using var subscription = second.Get<LiveFigures>().Subscribe(updates.Take);

        var clock = Stopwatch.StartNew();
        Assert.True((await first.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        var committed = clock.Elapsed;

        var (_, after) = await updates.WaitForAsync(u => u.CouponsLeft.GetValueOrDefault(campaign.Id) == 4, Second);
        Assert.True(committed + after < Second, $"committed after {committed}, seen {after} later");
    }

    [Fact]
    public async Task A_paid_sale_in_one_instance_reaches_the_other_with_the_stock_left()
    {
        await using var first = await ShopHarness.StartAsync();
        await using var second = await first.StartNeighbourAsync(TransactionShape.Optimistic);
        await second.Get<PostgreSqlChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var product = await first.AddProductAsync(stock: 7);
        await FigureUpdates.SettleAsync(second);
        var updates = new FigureUpdates();
        using var subscription = second.Get<LiveFigures>().Subscribe(updates.Take);

        await FigureUpdates.SellAsync(first, product.Id, quantity: 3);

        var (update, _) = await updates.WaitForAsync(u => u.Stock.ContainsKey(product.Id), Second);
        Assert.Equal(4, update.Stock[product.Id]);
        Assert.True(update.OrdersChanged);
    }

    [Fact]
    public async Task A_refused_claim_in_one_instance_tells_the_other_nothing()
    {
        await using var first = await ShopHarness.StartAsync();
        await using var second = await first.StartNeighbourAsync(TransactionShape.Serialized);
        await second.Get<PostgreSqlChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var campaign = await first.AddCampaignAsync(quantity: 1);
        Assert.True((await first.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        await Task.Delay(500);
        await FigureUpdates.SettleAsync(second);
        var updates = new FigureUpdates();
        using var subscription = second.Get<LiveFigures>().Subscribe(updates.Take);

        Assert.False((await first.Coupons.ClaimAsync("bob", campaign.Id)).IsSuccess);
        await Task.Delay(600);

        Assert.Empty(updates.Received);
    }

    [Fact]
    public async Task Twenty_claims_in_one_instance_each_reach_the_other_s_pages_within_a_second()
    {
        await using var first = await ShopHarness.StartAsync();
        await using var second = await first.StartNeighbourAsync(TransactionShape.Serialized);
        await second.Get<PostgreSqlChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var campaign = await first.AddCampaignAsync(quantity: 100);
        await FigureUpdates.SettleAsync(second);
        var clock = Stopwatch.StartNew();
        var heard = new System.Collections.Concurrent.ConcurrentDictionary<int, TimeSpan>();
        var shown = new System.Collections.Concurrent.ConcurrentDictionary<int, TimeSpan>();
        void Heard(ShopChanges changes)
        {
            if (changes.Campaigns.Contains(campaign.Id))
            {
                heard.TryAdd(heard.Count, clock.Elapsed);
            }
        }

        second.Get<ChangeFeed>().Changed += Heard;
        using var subscription = second.Get<LiveFigures>().Subscribe(u =>
        {
            if (u.CouponsLeft.TryGetValue(campaign.Id, out var left))
            {
                shown.TryAdd(100 - left, clock.Elapsed);
            }

            return Task.CompletedTask;
        });

        var committed = new List<TimeSpan>();
        for (var claim = 1; claim <= 20; claim++)
        {
            Assert.True((await first.Coupons.ClaimAsync($"shopper{claim}", campaign.Id)).IsSuccess);
            committed.Add(clock.Elapsed);
            var deadline = clock.Elapsed + TimeSpan.FromSeconds(1);
            while (!shown.ContainsKey(claim) && clock.Elapsed < deadline)
            {
                await Task.Delay(5);
            }

            Assert.True(shown.ContainsKey(claim), $"claim {claim} not shown within a second");
        }

        second.Get<ChangeFeed>().Changed -= Heard;
        var toFeed = committed.Select((c, i) => Math.Max(0, (heard.GetValueOrDefault(i) - c).TotalMilliseconds)).Order().ToList();
        var toPage = committed.Select((c, i) => (shown[i + 1] - c).TotalMilliseconds).Order().ToList();
        output.WriteLine($"commit -> other instance's feed: p50 {toFeed[10]:F1} ms, max {toFeed[^1]:F1} ms; " +
                         $"commit -> other instance's page: p50 {toPage[10]:F1} ms, max {toPage[^1]:F1} ms (flush every " +
                         $"{second.Get<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.FlushInterval.TotalMilliseconds} ms)");
        Assert.All(toPage, ms => Assert.True(ms < 1_000, $"{ms} ms"));
    }
}
