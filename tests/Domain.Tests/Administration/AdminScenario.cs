using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Administration;

/// <summary>Small steps the admin tests share: selling through the real order and payment rules.</summary>
internal static class AdminScenario
{
    /// <summary>Places and pays one order (charging the shopper what it costs); returns the order.</summary>
    public static async Task<OrderView> SellAsync(ShopHarness shop, string shopperId, int productId, int quantity = 1, int? couponId = null)
    {
        var order = await shop.PlaceAsync(shopperId, productId, quantity, couponId);
        await shop.ChargeAsync(shopperId, order.Total);
        var paid = await shop.Orders.PayAsync(shopperId, order.Id);
        Assert.True(paid.IsSuccess, paid.ToString());
        return order;
    }

    public static async Task<List<AdminActionView>> AuditAsync(ShopHarness shop) =>
        (await shop.Get<ActivityLog>().GetPageAsync(pageSize: 100)).Items.ToList();

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }
}
