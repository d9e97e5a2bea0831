namespace ECommerce.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class CouponTests(ApiFactory shop)
{
    [Fact]
    public async Task A_claim_issues_a_coupon_that_then_shows_in_mine_and_in_the_campaign()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync(quantity: 5);
        using var shopper = await ApiShopper.SignUpAsync(shop);

        using var claimed = await shopper.PostAsync("/api/coupons/claim", new { couponCode = code.ToLowerInvariant() });
        var coupon = await claimed.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        Assert.Equal(code, coupon.GetProperty("code").GetString());
        Assert.Equal("Valid", coupon.GetProperty("state").GetString());

        var mine = (await shopper.GetJsonAsync("/api/coupons")).EnumerateArray().ToList();
        Assert.Equal(coupon.GetProperty("id").GetInt32(), Assert.Single(mine).GetProperty("id").GetInt32());
        var campaign = (await shopper.GetJsonAsync("/api/coupons/campaigns")).EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == code);
        Assert.True(campaign.GetProperty("heldByYou").GetBoolean());
        Assert.Equal(4, campaign.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task A_second_claim_is_409_already_held_and_issues_nothing()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync();
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var first = await shopper.PostAsync("/api/coupons/claim", new { couponCode = code });
        var before = await shop.FingerprintAsync();

        using var second = await shopper.PostAsync("/api/coupons/claim", new { couponCode = code });
        await second.AssertProblemAsync(HttpStatusCode.Conflict, "CouponAlreadyHeld");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_last_coupon_goes_to_the_first_claimer_and_the_next_gets_409_sold_out()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync(quantity: 1);
        using var ann = await ApiShopper.SignUpAsync(shop);
        using var bob = await ApiShopper.SignUpAsync(shop);

        using var annClaim = await ann.PostAsync("/api/coupons/claim", new { couponCode = code });
        using var bobClaim = await bob.PostAsync("/api/coupons/claim", new { couponCode = code });
        Assert.Equal(HttpStatusCode.Created, annClaim.StatusCode);
        await bobClaim.AssertProblemAsync(HttpStatusCode.Conflict, "CouponSoldOut");
        Assert.Empty((await bob.GetJsonAsync("/api/coupons")).EnumerateArray());
    }

    [Fact]
    public async Task A_campaign_not_open_yet_is_422()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync(opensIn: TimeSpan.FromHours(1));
        using var shopper = await ApiShopper.SignUpAsync(shop);

        using var early = await shopper.PostAsync("/api/coupons/claim", new { couponCode = code });
        await early.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CouponNotOpenYet");
    }

    [Theory]
    [InlineData("NO-SUCH-CAMPAIGN", HttpStatusCode.NotFound, "NotFound")]
    [InlineData("", HttpStatusCode.BadRequest, "InvalidInput")]
    [InlineData("   ", HttpStatusCode.BadRequest, "InvalidInput")]
    public async Task An_unknown_or_blank_code_is_refused(string code, HttpStatusCode status, string errorCode)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var refused = await shopper.PostAsync("/api/coupons/claim", new { couponCode = code });
        await refused.AssertProblemAsync(status, errorCode);
    }

    [Fact]
    public async Task A_claim_without_a_code_is_400()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var refused = await shopper.PostAsync("/api/coupons/claim", new { couponId = 3 });
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "MalformedRequest");
    }
}
