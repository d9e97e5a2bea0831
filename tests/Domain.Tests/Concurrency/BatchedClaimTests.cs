using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Concurrency;

public sealed class ClaimBatcherTests
{
    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task Claims_queued_together_are_decided_in_arrival_order(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var campaign = await shop.AddCampaignAsync(quantity: 5);
        var batcher = shop.Get<ClaimBatcher>();
        string[] shoppers = ["a", "b", "a", "c", "d", "b", "e", "f", "g"];

        // Queued without awaiting: all but perhaps the first are decided in one transaction.
        var outcomes = await Task.WhenAll(shoppers.Select(s => batcher.ClaimAsync(s, campaign.Id)).ToList());

        Assert.Equal(
            ["ok", "ok", "CouponAlreadyHeld", "ok", "ok", "CouponAlreadyHeld", "ok", "CouponSoldOut", "CouponSoldOut"],
            outcomes.Select(o => o.IsSuccess ? "ok" : o.Error.Code.ToString()));
        Assert.Equal(["a", "b", "c", "d", "e"], (await shop.QueryAsync(db => db.IssuedCoupons.Select(c => c.ShopperId).ToListAsync())).Order());
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Claims_of_an_unknown_campaign_are_refused_without_stopping_the_others()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 5);
        var batcher = shop.Get<ClaimBatcher>();

        var outcomes = await Task.WhenAll(batcher.ClaimAsync("a", 999), batcher.ClaimAsync("a", campaign.Id));

        Assert.Equal(ErrorCode.NotFound, outcomes[0].Error!.Code);
        Assert.True(outcomes[1].IsSuccess);
    }
}
