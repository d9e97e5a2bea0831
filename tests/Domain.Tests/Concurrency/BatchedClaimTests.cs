using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Concurrency;

/// <summary>Claims that queue together are decided in one batch (see CommandBatcher), exactly as one at a time would.</summary>
public sealed class BatchedClaimTests
{
    [Theory]
    [MemberData(nameof(Shapes.Both), MemberType = typeof(Shapes))]
    public async Task Claims_queued_together_are_decided_in_arrival_order(TransactionShape shape)
    {
        await using var shop = await ShopHarness.StartAsync(shape);
        var campaign = await shop.AddCampaignAsync(quantity: 5);
        string[] shoppers = ["a", "b", "a", "c", "d", "b", "e", "f", "g"];

        var outcomes = await shop.QueuedTogetherAsync(
            shoppers.Select(s => (Func<Task<Result<MyCoupon>>>)(() => shop.Coupons.ClaimAsync(s, campaign.Id))).ToArray());

        Assert.Equal(
            ["ok", "ok", "CouponAlreadyHeld", "ok", "ok", "CouponAlreadyHeld", "ok", "CouponSoldOut", "CouponSoldOut"],
            outcomes.Codes());
        Assert.Equal(["a", "b", "c", "d", "e"], (await shop.QueryAsync(db => db.IssuedCoupons.Select(c => c.ShopperId).ToListAsync())).Order());
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Claims_of_an_unknown_campaign_are_refused_without_stopping_the_others()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 5);

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Coupons.ClaimAsync("a", 999), () => shop.Coupons.ClaimAsync("a", 999), () => shop.Coupons.ClaimAsync("a", campaign.Id));

        Assert.Equal(ErrorCode.NotFound, outcomes[1].Error!.Code);
        Assert.True(outcomes[2].IsSuccess);
    }

    [Fact]
    public async Task Claims_of_two_campaigns_in_one_batch_are_each_decided_against_their_own_campaign()
    {
        await using var shop = await ShopHarness.StartAsync();
        var small = await shop.AddCampaignAsync(quantity: 1);
        var large = await shop.AddCampaignAsync(quantity: 10);

        var outcomes = await shop.QueuedTogetherAsync(
            () => shop.Coupons.ClaimAsync("z", large.Id),
            () => shop.Coupons.ClaimAsync("a", small.Id), () => shop.Coupons.ClaimAsync("a", large.Id),
            () => shop.Coupons.ClaimAsync("b", small.Id), () => shop.Coupons.ClaimAsync("b", large.Id));

        Assert.Equal(["ok", "ok", "ok", "CouponSoldOut", "ok"], outcomes.Codes());
        await shop.AssertInvariantsAsync();
    }
}
