using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>What the order tests share: carts, refusal checks that compare the whole shop before and after, lookups.</summary>
internal static class OrderSteps
{
    internal static readonly DateTime Now = ShopHarness.Start.UtcDateTime;

    internal static PlaceOrder Cart(params CartLine[] lines) => new(lines, null, Guid.NewGuid().ToString());

    internal static PlaceOrder Cart(int? couponId, params CartLine[] lines) => new(lines, couponId, Guid.NewGuid().ToString());

    internal static async Task<ShopError> AssertRefusedAsync<T>(ShopHarness shop, Func<Task<Result<T>>> action, ErrorCode code)
    {
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await action();

        Assert.False(result.IsSuccess, $"Expected {code}, got {result}");
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        return result.Error;
    }

    internal static Task<ShopError> AssertPlaceRefusedAsync(ShopHarness shop, string shopperId, PlaceOrder command, ErrorCode code) =>
        AssertRefusedAsync(shop, () => shop.Orders.PlaceAsync(shopperId, command), code);

    internal static Task<ShopError> AssertPayRefusedAsync(ShopHarness shop, string shopperId, int orderId, ErrorCode code) =>
        AssertRefusedAsync(shop, () => shop.Orders.PayAsync(shopperId, orderId), code);

    internal static async Task<PaymentReceipt> PayAsync(ShopHarness shop, string shopperId, int orderId)
    {
        var result = await shop.Orders.PayAsync(shopperId, orderId);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    internal static async Task<MyCoupon> ClaimAsync(ShopHarness shop, string shopperId, CampaignView campaign)
    {
        var result = await shop.Coupons.ClaimAsync(shopperId, campaign.Id);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    internal static async Task<CouponState> CouponStateAsync(ShopHarness shop, string shopperId, int couponId) =>
        (await shop.Coupons.GetMyCouponsAsync(shopperId)).Single(c => c.Id == couponId).State;

    internal static async Task<int> StockAsync(ShopHarness shop, int productId) =>
        (await shop.Catalog.GetProductAsync(productId)).Value!.Stock;

    internal static async Task<OrderStatus> StatusAsync(ShopHarness shop, string shopperId, int orderId) =>
        (await shop.OrderQueries.GetMyOrderAsync(shopperId, orderId)).Value!.Status;
}
