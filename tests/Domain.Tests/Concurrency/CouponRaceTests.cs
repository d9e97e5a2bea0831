using ECommerce.Domain.Tests.Support;
using Xunit.Abstractions;

namespace ECommerce.Domain.Tests.Concurrency;

public sealed class CouponRaceTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task Five_hundred_shoppers_racing_for_100_coupons_get_exactly_100(TransactionShape shape, bool groupCommit)
    {
        await using var shop = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        var campaign = await shop.AddCampaignAsync(quantity: 100);

        shop.Statistics.Reset();
        var results = await Race.RunAsync(500, i => shop.Coupons.ClaimAsync($"shopper-{i}", campaign.Id));

        output.WriteLine($"{shape}, group commit {groupCommit}: {shop.Statistics}");
        Assert.Equal(100, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.CouponSoldOut, r.Error!.Code));
        Assert.Equal(100, results.Where(r => r.IsSuccess).Select(r => r.Value!.Id).Distinct().Count());
        var stored = await shop.QueryAsync(db => db.CouponCampaigns.SingleAsync());
        Assert.Equal(100, stored.IssuedCount);
        Assert.Equal(100, await shop.QueryAsync(db => db.IssuedCoupons.CountAsync()));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task One_shopper_claiming_200_times_at_once_gets_one_coupon(TransactionShape shape, bool groupCommit)
    {
        await using var shop = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        var campaign = await shop.AddCampaignAsync(quantity: 100);

        shop.Statistics.Reset();
        var results = await Race.RunAsync(200, _ => shop.Coupons.ClaimAsync("greedy", campaign.Id));

        output.WriteLine($"{shape}, group commit {groupCommit}: {shop.Statistics}");
        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorCode.CouponAlreadyHeld, r.Error!.Code));
        Assert.Equal(1, await shop.QueryAsync(db => db.IssuedCoupons.CountAsync(c => c.ShopperId == "greedy")));
        Assert.Equal(1, (await shop.QueryAsync(db => db.CouponCampaigns.SingleAsync())).IssuedCount);
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [MemberData(nameof(Shapes.Modes), MemberType = typeof(Shapes))]
    public async Task Two_processes_sharing_the_database_never_over_issue(TransactionShape shape, bool groupCommit)
    {
        await using var first = await ShopHarness.StartAsync(shape, groupCommit: groupCommit);
        await using var second = await first.StartNeighbourAsync(shape, groupCommit);
        var campaign = await first.AddCampaignAsync(quantity: 100);

        first.Statistics.Reset();
        second.Statistics.Reset();
        var results = await Race.RunAsync(300, i =>
            (i % 2 == 0 ? first : second).Coupons.ClaimAsync($"shopper-{i % 250}", campaign.Id));

        output.WriteLine($"{shape}, group commit {groupCommit}: first {first.Statistics}; second {second.Statistics}");
        Assert.Equal(100, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess),
            r => Assert.Contains(r.Error!.Code, new[] { ErrorCode.CouponSoldOut, ErrorCode.CouponAlreadyHeld }));
        Assert.Equal(100, await first.QueryAsync(db => db.IssuedCoupons.CountAsync()));
        await first.AssertInvariantsAsync();
    }
}
