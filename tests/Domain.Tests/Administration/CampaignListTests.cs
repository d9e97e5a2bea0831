using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Administration.AdminScenario;

namespace ECommerce.Domain.Tests.Administration;

public sealed class CampaignListTests
{
    [Fact]
    public async Task Pages_campaigns_newest_first_with_issued_remaining_and_used()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 100);
        var older = await shop.AddCampaignAsync(quantity: 5, code: "OLDER");
        var newer = await shop.AddCampaignAsync(quantity: 3, code: "NEWER");
        foreach (var shopper in new[] { "ann", "bob", "cid" })
        {
            Ok(await shop.Coupons.ClaimAsync(shopper, older.Id));
        }

        var annCoupon = (await shop.Coupons.GetMyCouponsAsync("ann")).Single();
        await SellAsync(shop, "ann", product.Id, couponId: annCoupon.Id);
        var bobCoupon = (await shop.Coupons.GetMyCouponsAsync("bob")).Single();
        await shop.PlaceAsync("bob", product.Id, couponId: bobCoupon.Id); // reserved, not used

        var first = await shop.Get<CampaignList>().GetPageAsync(pageSize: 1);
        var second = await shop.Get<CampaignList>().GetPageAsync(page: 2, pageSize: 1);

        Assert.Equal(2, first.TotalCount);
        Assert.Equal(("NEWER", 0, 3, 0), (first.Items[0].Code, first.Items[0].Issued, first.Items[0].Remaining, first.Items[0].Used));
        Assert.Equal(("OLDER", 3, 2, 1), (second.Items[0].Code, second.Items[0].Issued, second.Items[0].Remaining, second.Items[0].Used));
        Assert.Equal(newer.Id, first.Items[0].Id);
    }
}
