using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Coupons;

/// <summary>
/// Claims of a sold-out campaign are refused from memory once one was refused by a batch: the same refusals, in
/// the same order (already held, closed, sold out), whichever process sold the campaign out, and nothing changes.
/// </summary>
public sealed class SoldOutCampaignTests
{
    private static async Task AssertRefusedAsync(ShopHarness shop, string shopperId, int campaignId, ErrorCode code)
    {
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await shop.Coupons.ClaimAsync(shopperId, campaignId);

        Assert.False(result.IsSuccess, $"Expected {code}, got {result}");
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
    }

    /// <summary>The memory is filled in the background after the first sold-out refusal: waited for generously.</summary>
    private static async Task WaitUntilKnownAsync(ShopHarness shop, int campaignId)
    {
        for (var waited = 0; !shop.Coupons.KnowsSoldOut(campaignId); waited += 20)
        {
            Assert.True(waited < 10_000, $"Campaign {campaignId} was not remembered as sold out within 10 s.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task After_the_first_sold_out_refusal_holders_are_told_they_hold_one_and_the_others_that_none_is_left()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 2);
        Assert.True((await shop.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        Assert.True((await shop.Coupons.ClaimAsync("bob", campaign.Id)).IsSuccess);
        Assert.False(shop.Coupons.KnowsSoldOut(campaign.Id));

        await AssertRefusedAsync(shop, "cid", campaign.Id, ErrorCode.CouponSoldOut);
        await WaitUntilKnownAsync(shop, campaign.Id);

        await AssertRefusedAsync(shop, "ann", campaign.Id, ErrorCode.CouponAlreadyHeld);
        await AssertRefusedAsync(shop, "bob", campaign.Id, ErrorCode.CouponAlreadyHeld);
        await AssertRefusedAsync(shop, "cid", campaign.Id, ErrorCode.CouponSoldOut);
        var refusal = (await shop.Coupons.ClaimAsync("dan", campaign.Id)).Error!;
        Assert.Equal("All 2 coupons of \"Campaign\" have been claimed.", refusal.Message);
        Assert.Equal(2, (await shop.Coupons.GetAllCampaignsAsync()).Single(c => c.Id == campaign.Id).Issued);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_remembered_campaign_still_says_closed_once_its_window_has_passed()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 1, claimFor: TimeSpan.FromHours(2));
        Assert.True((await shop.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        await AssertRefusedAsync(shop, "bob", campaign.Id, ErrorCode.CouponSoldOut);
        await WaitUntilKnownAsync(shop, campaign.Id);

        shop.Clock.Advance(TimeSpan.FromHours(1));

        await AssertRefusedAsync(shop, "bob", campaign.Id, ErrorCode.CouponClaimClosed);
        await AssertRefusedAsync(shop, "ann", campaign.Id, ErrorCode.CouponAlreadyHeld);
    }

    [Fact]
    public async Task A_campaign_sold_out_by_another_process_is_remembered_with_that_process_s_holders()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var neighbour = await shop.StartNeighbourAsync(TransactionShape.Serialized);
        var campaign = await shop.AddCampaignAsync(quantity: 2);
        Assert.True((await shop.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        Assert.True((await neighbour.Coupons.ClaimAsync("bob", campaign.Id)).IsSuccess);

        await AssertRefusedAsync(shop, "cid", campaign.Id, ErrorCode.CouponSoldOut);
        await WaitUntilKnownAsync(shop, campaign.Id);

        await AssertRefusedAsync(shop, "bob", campaign.Id, ErrorCode.CouponAlreadyHeld);
        await AssertRefusedAsync(shop, "cid", campaign.Id, ErrorCode.CouponSoldOut);
        Assert.False(neighbour.Coupons.KnowsSoldOut(campaign.Id));
    }

    [Fact]
    public async Task A_campaign_with_coupons_left_is_never_remembered()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 3);
        Assert.True((await shop.Coupons.ClaimAsync("ann", campaign.Id)).IsSuccess);
        await AssertRefusedAsync(shop, "ann", campaign.Id, ErrorCode.CouponAlreadyHeld);

        Assert.False(shop.Coupons.KnowsSoldOut(campaign.Id));
        Assert.True((await shop.Coupons.ClaimAsync("bob", campaign.Id)).IsSuccess);
    }
}
