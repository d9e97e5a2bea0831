using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_shopper_charges_orders_with_a_coupon_and_pays()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000, stock: 5);
        var campaign = await shop.AddCampaignAsync(value: 2_000);
        var coupon = (await shop.Coupons.ClaimAsync("ann", campaign.Id)).Value!;
        await shop.ChargeAsync("ann", 50_000);

        var order = await shop.PlaceAsync("ann", product.Id, 2, coupon.Id);
        var receipt = await shop.Orders.PayAsync("ann", order.Id);

        Assert.True(receipt.IsSuccess, receipt.ToString());
        Assert.Equal(22_000, receipt.Value.AmountPaid);
        Assert.Equal(28_000, receipt.Value.Balance);
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(CouponState.Used, (await shop.Coupons.GetMyCouponsAsync("ann")).Single().State);
        await shop.AssertInvariantsAsync();
    }
}
