namespace ECommerce.Storefront.Api.Contracts;

/// <summary>The lines to buy and, optionally, the id of a coupon the shopper holds (from GET /api/coupons).</summary>
public sealed record PlaceOrderRequest(IReadOnlyList<OrderLineRequest> Lines, int? CouponId = null);
