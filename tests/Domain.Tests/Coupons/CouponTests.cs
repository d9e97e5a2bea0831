using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Coupons;

public sealed class CouponTests
{
    private static readonly DateTime Now = ShopHarness.Start.UtcDateTime;

    private static NewCouponCampaign ValidSpec => new(
        "SPRING", "Spring sale", DiscountKind.FixedAmount, 1_000, MaxDiscount: null, MinOrderAmount: 0, TotalQuantity: 10,
        ClaimOpensAt: Now, ClaimClosesAt: Now.AddDays(7), CouponValidFor: TimeSpan.FromDays(30));

    private static async Task<CampaignView> CampaignAsync(ShopHarness shop, int campaignId) =>
        (await shop.Coupons.GetAllCampaignsAsync()).Single(c => c.Id == campaignId);

    private static async Task<MyCoupon> ClaimAsync(ShopHarness shop, string shopperId, int campaignId)
    {
        var result = await shop.Coupons.ClaimAsync(shopperId, campaignId);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private static async Task AssertClaimRefusedAsync(ShopHarness shop, string shopperId, int campaignId, ErrorCode code)
    {
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await shop.Coupons.ClaimAsync(shopperId, campaignId);

        Assert.False(result.IsSuccess, $"Expected {code}, got {result}");
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
    }

    [Fact]
    public async Task A_claim_issues_a_valid_coupon_and_counts_down_the_remaining_quantity()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 3, value: 2_000, minOrder: 10_000, validFor: TimeSpan.FromDays(10));

        var coupon = await ClaimAsync(shop, "ann", campaign.Id);

        Assert.Equal((campaign.Id, campaign.Code, CouponState.Valid, (int?)null), (coupon.CampaignId, coupon.Code, coupon.State, coupon.OrderId));
        Assert.Equal(10_000, coupon.MinOrderAmount);
        Assert.Equal(Now, coupon.IssuedAt);
        Assert.Equal(Now.AddDays(10), coupon.ExpiresAt);
        var after = await CampaignAsync(shop, campaign.Id);
        Assert.Equal((1, 2), (after.Issued, after.Remaining));
        Assert.Equal(coupon.Id, Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann")).Id);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_claimable_list_says_which_campaigns_the_shopper_holds()
    {
        await using var shop = await ShopHarness.StartAsync();
        // A campaign is never created already closed: this one closes an hour later.
        var closed = await shop.AddCampaignAsync(quantity: 5, claimFor: TimeSpan.FromHours(2));
        shop.Clock.Advance(TimeSpan.FromHours(1));
        var held = await shop.AddCampaignAsync(quantity: 5, claimFor: TimeSpan.FromDays(1));
        var notHeld = await shop.AddCampaignAsync(quantity: 5, claimFor: TimeSpan.FromDays(2));
        await ClaimAsync(shop, "ann", held.Id);

        var forAnn = await shop.Coupons.GetClaimableAsync("ann");
        var forBob = await shop.Coupons.GetClaimableAsync("bob");

        Assert.Equal([(held.Id, true, 4), (notHeld.Id, false, 5)], forAnn.Select(c => (c.Id, c.HeldByYou, c.Remaining)));
        Assert.All(forBob, c => Assert.False(c.HeldByYou));
        Assert.DoesNotContain(forBob, c => c.Id == closed.Id);
    }

    [Fact]
    public async Task A_claim_before_the_window_opens_is_refused_until_the_exact_opening_time()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(opensIn: TimeSpan.FromHours(1));

        await AssertClaimRefusedAsync(shop, "ann", campaign.Id, ErrorCode.CouponNotOpenYet);
        shop.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        await AssertClaimRefusedAsync(shop, "ann", campaign.Id, ErrorCode.CouponNotOpenYet);
        shop.Clock.Advance(TimeSpan.FromTicks(1));

        await ClaimAsync(shop, "ann", campaign.Id);
        Assert.Equal(1, (await CampaignAsync(shop, campaign.Id)).Issued);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_claim_at_or_after_the_closing_time_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(opensIn: TimeSpan.FromHours(-1), claimFor: TimeSpan.FromHours(2));

        shop.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        await ClaimAsync(shop, "ann", campaign.Id);
        shop.Clock.Advance(TimeSpan.FromTicks(1));
        await AssertClaimRefusedAsync(shop, "bob", campaign.Id, ErrorCode.CouponClaimClosed);
        shop.Clock.Advance(TimeSpan.FromDays(3));
        await AssertClaimRefusedAsync(shop, "bob", campaign.Id, ErrorCode.CouponClaimClosed);

        Assert.Equal(1, (await CampaignAsync(shop, campaign.Id)).Issued);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Claims_stop_exactly_at_the_total_quantity()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 2);
        await ClaimAsync(shop, "ann", campaign.Id);
        await ClaimAsync(shop, "bob", campaign.Id);

        await AssertClaimRefusedAsync(shop, "cid", campaign.Id, ErrorCode.CouponSoldOut);

        var after = await CampaignAsync(shop, campaign.Id);
        Assert.Equal((2, 0), (after.Issued, after.Remaining));
        Assert.Empty(await shop.Coupons.GetMyCouponsAsync("cid"));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_second_claim_by_the_same_shopper_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 5);
        await ClaimAsync(shop, "ann", campaign.Id);

        await AssertClaimRefusedAsync(shop, "ann", campaign.Id, ErrorCode.CouponAlreadyHeld);

        Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann"));
        Assert.Equal(4, (await CampaignAsync(shop, campaign.Id)).Remaining);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_claim_of_an_unknown_campaign_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.AddCampaignAsync();

        await AssertClaimRefusedAsync(shop, "ann", 12345, ErrorCode.NotFound);
    }

    [Fact]
    public async Task A_claim_without_a_shopper_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync();

        await AssertClaimRefusedAsync(shop, " ", campaign.Id, ErrorCode.InvalidInput);
    }

    [Fact]
    public async Task My_coupons_are_valid_then_reserved_by_an_unpaid_order_then_used_once_paid()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000);
        var campaign = await shop.AddCampaignAsync(value: 1_000);
        var coupon = await ClaimAsync(shop, "ann", campaign.Id);
        await shop.ChargeAsync("ann", 10_000);

        var order = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        var reserved = Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann"));
        Assert.Equal((CouponState.Reserved, order.Id), (reserved.State, reserved.OrderId));

        Assert.True((await shop.Orders.PayAsync("ann", order.Id)).IsSuccess);
        var used = Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann"));
        Assert.Equal((CouponState.Used, order.Id), (used.State, used.OrderId));

        // Used stays used when the validity period later runs out.
        shop.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(CouponState.Used, Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann")).State);
        Assert.Equal(1, (await CampaignAsync(shop, campaign.Id)).Used);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_coupon_not_used_by_its_expiry_time_is_expired()
    {
        await using var shop = await ShopHarness.StartAsync();
        var campaign = await shop.AddCampaignAsync(validFor: TimeSpan.FromHours(1));
        await ClaimAsync(shop, "ann", campaign.Id);

        shop.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        Assert.Equal(CouponState.Valid, Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann")).State);
        shop.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(CouponState.Expired, Assert.Single(await shop.Coupons.GetMyCouponsAsync("ann")).State);
    }

    [Fact]
    public async Task My_coupons_list_only_my_own_newest_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var first = await shop.AddCampaignAsync();
        var second = await shop.AddCampaignAsync();
        await ClaimAsync(shop, "ann", first.Id);
        await ClaimAsync(shop, "bob", first.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        await ClaimAsync(shop, "ann", second.Id);

        Assert.Equal([second.Id, first.Id], (await shop.Coupons.GetMyCouponsAsync("ann")).Select(c => c.CampaignId));
        Assert.Equal([first.Id], (await shop.Coupons.GetMyCouponsAsync("bob")).Select(c => c.CampaignId));
        Assert.Empty(await shop.Coupons.GetMyCouponsAsync("cid"));
    }

    [Fact]
    public async Task A_new_campaign_is_stored_with_its_code_in_upper_case()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Coupons.CreateCampaignAsync(ValidSpec with
        {
            Code = " spring_sale-10 ",
            DiscountKind = DiscountKind.Percent,
            DiscountValue = 10,
            MaxDiscount = 5_000,
        }, "admin");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("SPRING_SALE-10", result.Value.Code);
        Assert.Equal((10, 0, 10), (result.Value.TotalQuantity, result.Value.Issued, result.Value.Remaining));
        Assert.Equal("SPRING_SALE-10", Assert.Single(await shop.Coupons.GetAllCampaignsAsync()).Code);
    }

    [Fact]
    public async Task A_campaign_code_already_in_use_is_refused_whatever_the_case()
    {
        await using var shop = await ShopHarness.StartAsync();
        Assert.True((await shop.Coupons.CreateCampaignAsync(ValidSpec with { Code = "SPRING" }, "admin")).IsSuccess);

        var duplicate = await shop.Coupons.CreateCampaignAsync(ValidSpec with { Code = " spring ", Name = "Another" }, "admin");

        Assert.Equal(ErrorCode.InvalidInput, duplicate.Error?.Code);
        Assert.Single(await shop.Coupons.GetAllCampaignsAsync());
    }

    private static readonly Dictionary<string, Func<NewCouponCampaign, NewCouponCampaign>> InvalidSpecs = new()
    {
        ["empty code"] = s => s with { Code = "" },
        ["blank code"] = s => s with { Code = "   " },
        ["code of 41 characters"] = s => s with { Code = new string('A', 41) },
        ["code with a space"] = s => s with { Code = "SPRING SALE" },
        ["code with punctuation"] = s => s with { Code = "SPRING!" },
        ["code with non-ASCII letters"] = s => s with { Code = "봄세일" },
        ["empty name"] = s => s with { Name = "" },
        ["blank name"] = s => s with { Name = "  " },
        ["name of 201 characters"] = s => s with { Name = new string('n', 201) },
        ["percent of 0"] = s => s with { DiscountKind = DiscountKind.Percent, DiscountValue = 0 },
        ["percent of 101"] = s => s with { DiscountKind = DiscountKind.Percent, DiscountValue = 101 },
        ["fixed amount of 0"] = s => s with { DiscountKind = DiscountKind.FixedAmount, DiscountValue = 0 },
        ["negative fixed amount"] = s => s with { DiscountKind = DiscountKind.FixedAmount, DiscountValue = -1_000 },
        ["cap of 0"] = s => s with { DiscountKind = DiscountKind.Percent, DiscountValue = 10, MaxDiscount = 0 },
        ["negative minimum order"] = s => s with { MinOrderAmount = -1 },
        ["quantity of 0"] = s => s with { TotalQuantity = 0 },
        ["negative quantity"] = s => s with { TotalQuantity = -5 },
        ["window closing when it opens"] = s => s with { ClaimClosesAt = s.ClaimOpensAt },
        ["window closing before it opens"] = s => s with { ClaimClosesAt = s.ClaimOpensAt.AddTicks(-1) },
        ["coupons valid for no time"] = s => s with { CouponValidFor = TimeSpan.Zero },
        ["coupons valid for negative time"] = s => s with { CouponValidFor = TimeSpan.FromHours(-1) },
    };

    private static readonly Dictionary<string, Func<NewCouponCampaign, NewCouponCampaign>> BoundarySpecs = new()
    {
        ["code of 40 characters"] = s => s with { Code = new string('A', 39) + "9" },
        ["code of one character"] = s => s with { Code = "X" },
        ["name of 200 characters"] = s => s with { Name = new string('n', 200) },
        ["percent of 1"] = s => s with { DiscountKind = DiscountKind.Percent, DiscountValue = 1 },
        ["percent of 100"] = s => s with { DiscountKind = DiscountKind.Percent, DiscountValue = 100 },
        ["fixed amount of 1"] = s => s with { DiscountValue = 1 },
        ["cap of 1"] = s => s with { DiscountKind = DiscountKind.Percent, DiscountValue = 10, MaxDiscount = 1 },
        ["quantity of 1"] = s => s with { TotalQuantity = 1 },
        ["window of one tick"] = s => s with { ClaimClosesAt = s.ClaimOpensAt.AddTicks(1) },
        ["coupons valid for one second"] = s => s with { CouponValidFor = TimeSpan.FromSeconds(1) },
    };

    public static TheoryData<string> InvalidCampaigns => Names(InvalidSpecs);

    public static TheoryData<string> BoundaryCampaigns => Names(BoundarySpecs);

    private static TheoryData<string> Names(Dictionary<string, Func<NewCouponCampaign, NewCouponCampaign>> specs)
    {
        var data = new TheoryData<string>();
        foreach (var name in specs.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidCampaigns))]
    public async Task A_campaign_breaking_a_rule_is_refused(string rule)
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Coupons.CreateCampaignAsync(InvalidSpecs[rule](ValidSpec), "admin");

        Assert.Equal(ErrorCode.InvalidInput, result.Error?.Code);
        Assert.Empty(await shop.Coupons.GetAllCampaignsAsync());
    }

    [Theory]
    [MemberData(nameof(BoundaryCampaigns))]
    public async Task A_campaign_at_the_edge_of_a_rule_is_accepted(string rule)
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Coupons.CreateCampaignAsync(BoundarySpecs[rule](ValidSpec), "admin");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Single(await shop.Coupons.GetAllCampaignsAsync());
    }

    [Theory]
    [InlineData(DiscountKind.FixedAmount, 1_000, null, 12_000, 1_000)]
    [InlineData(DiscountKind.FixedAmount, 5_000, null, 3_000, 3_000)]
    [InlineData(DiscountKind.FixedAmount, 5_000, null, 5_000, 5_000)]
    [InlineData(DiscountKind.Percent, 10, null, 12_345, 1_234)]
    [InlineData(DiscountKind.Percent, 10, null, 9, 0)]
    [InlineData(DiscountKind.Percent, 100, null, 7_000, 7_000)]
    [InlineData(DiscountKind.Percent, 50, 2_000L, 10_000, 2_000)]
    [InlineData(DiscountKind.Percent, 50, 2_000L, 4_000, 2_000)]
    [InlineData(DiscountKind.Percent, 50, 2_000L, 3_000, 1_500)]
    public void The_discount_is_fixed_or_percent_capped_and_never_above_the_subtotal(
        DiscountKind kind, long value, long? cap, long subtotal, long expected)
    {
        var campaign = new CouponCampaign(ValidSpec with { DiscountKind = kind, DiscountValue = value, MaxDiscount = cap }, Now);

        Assert.Equal(expected, campaign.DiscountFor(subtotal));
    }

    [Fact]
    public async Task A_percent_coupon_with_a_cap_discounts_a_placed_order_by_the_cap()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 30_000);
        var campaign = await shop.AddCampaignAsync(kind: DiscountKind.Percent, value: 20, cap: 5_000);
        var coupon = await ClaimAsync(shop, "ann", campaign.Id);

        var order = await shop.PlaceAsync("ann", product.Id, 2, coupon.Id);

        Assert.Equal((60_000L, 5_000L, 55_000L), (order.Subtotal, order.Discount, order.Total));
        Assert.Equal(campaign.Code, order.Coupon?.Code);
        await shop.AssertInvariantsAsync();
    }
}
