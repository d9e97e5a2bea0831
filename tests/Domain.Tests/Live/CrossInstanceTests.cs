using System.Diagnostics;
using ECommerce.Domain.Live;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Live;

/// <summary>
/// Two instances (two service providers with their own pools, hubs and listeners) on one PostgreSQL database: what
/// one commits reaches the other's open pages through LISTEN/NOTIFY within a second.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class CrossInstanceTests
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

        // Payment takes the units from the shelf (placing only checks them).
        await first.ChargeAsync("ann", 100_000);
        var order = await first.PlaceAsync("ann", product.Id, quantity: 3);
        Assert.True((await first.Orders.PayAsync("ann", order.Id)).IsSuccess);

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
}
