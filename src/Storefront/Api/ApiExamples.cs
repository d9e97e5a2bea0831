using ECommerce.Domain.Administration;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Api.Contracts;

namespace ECommerce.Storefront.Api;

/// <summary>One example of each shape the API reads or answers, shown in the OpenAPI document and the reference page.</summary>
public static class ApiExamples
{
    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static readonly OrderView Order = new(42, "7f3c2a9e-shopper", OrderStatus.AwaitingPayment, At, At.AddMinutes(30), null, null,
        59_000, 5_000, 54_000, new OrderCouponView(7, "WINTER10", "Winter sale", "5,000 won off"),
        [new OrderLineView(3, "Wool scarf", 29_500, 2, 59_000)]);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(PingView)] = new PingView(true),
        [typeof(LoginRequest)] = new LoginRequest("shopper@example.com", "Shopper123!"),
        [typeof(RefreshRequest)] = new RefreshRequest("CfDJ8…refresh"),
        [typeof(TokenView)] = new TokenView("Bearer", "CfDJ8…access", 3600, "CfDJ8…refresh"),
        [typeof(ProductSummary)] = new ProductSummary(3, "Wool scarf", 2, "Clothing", 29_500, 14),
        [typeof(ProductDetail)] = new ProductDetail(3, "Wool scarf", "Soft merino, 180 cm.", 2, "Clothing", 29_500, 14, 6),
        [typeof(TopSeller)] = new TopSeller(1, 3, "Wool scarf", 29_500, 120, 14),
        [typeof(BalanceView)] = new BalanceView(150_000),
        [typeof(LedgerEntryView)] = new LedgerEntryView(91, LedgerEntryKind.Charge, 100_000, 150_000, At, null),
        [typeof(ChargeRequest)] = new ChargeRequest(100_000),
        [typeof(ChargeReceipt)] = new ChargeReceipt(100_000, 150_000, AlreadyApplied: false),
        [typeof(ClaimRequest)] = new ClaimRequest("WINTER10"),
        [typeof(CampaignView)] = new CampaignView(5, "WINTER10", "Winter sale", "5,000 won off", 30_000, 1_000, 412, 588, 97,
            At.AddDays(-1), At.AddDays(6), TimeSpan.FromDays(7), HeldByYou: false),
        [typeof(MyCoupon)] = new MyCoupon(7, 5, "WINTER10", "Winter sale", "5,000 won off", 30_000, At, At.AddDays(7), CouponState.Valid, null),
        [typeof(OrderLineRequest)] = new OrderLineRequest(3, 2),
        [typeof(PlaceOrderRequest)] = new PlaceOrderRequest([new OrderLineRequest(3, 2)], CouponId: 7),
        [typeof(OrderView)] = Order,
        [typeof(OrderSummary)] = new OrderSummary(42, OrderStatus.AwaitingPayment, At, At.AddMinutes(30), 54_000, 2),
        [typeof(PaymentReceipt)] = new PaymentReceipt(42, 54_000, 96_000, At, AlreadyPaid: false),
        [typeof(AdminOrderRow)] = new AdminOrderRow(42, "7f3c2a9e-shopper", OrderStatus.Paid, At, 2, 54_000, "WINTER10"),
        [typeof(StockRow)] = new StockRow(3, "Wool scarf", "Clothing", 29_500, 14),
        [typeof(StockAdjustmentRequest)] = new StockAdjustmentRequest(20, "Delivery from the mill", ExpectedStock: 14),
        [typeof(NewCampaignRequest)] = new NewCampaignRequest("WINTER10", "Winter sale", DiscountKind.FixedAmount, 5_000, 1_000,
            At, At.AddDays(7), TimeSpan.FromDays(7), MinOrderAmount: 30_000),
        [typeof(OutboxRow)] = new OutboxRow(17, "order-paid-42", At, OutboxState.Failing, 3, At.AddMinutes(4), null,
            "The data platform answered 503."),
        [typeof(RetryView)] = new RetryView(17, true),
    };

    /// <summary>The example of a shape; a page of a known shape gets a page of its example.</summary>
    public static object? For(Type type)
    {
        if (Examples.TryGetValue(type, out var example))
        {
            return example;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PageView<>)
            && For(type.GetGenericArguments()[0]) is { } item)
        {
            var items = Array.CreateInstance(type.GetGenericArguments()[0], 1);
            items.SetValue(item, 0);
            return Activator.CreateInstance(type, items, 1, 20, 1);
        }

        return null;
    }

    /// <summary>The typical refusal of a status, for the problem examples.</summary>
    public static (string Code, string Message) Refusal(int status) => status switch
    {
        400 => (nameof(ErrorCode.InvalidInput), "The quantity of product 3 must be between 1 and 99."),
        401 => (ApiProblems.Unauthenticated, "Sign in first: send the access token from POST /api/auth/login in the header Authorization: Bearer TOKEN."),
        402 => (nameof(ErrorCode.InsufficientBalance), "Your balance is 12,000 won short of this order."),
        403 => (nameof(ErrorCode.NotAllowed), "This is for admins only."),
        404 => (nameof(ErrorCode.NotFound), "Order 42 was not found."),
        409 => (nameof(ErrorCode.OutOfStock), "Only 1 of \"Wool scarf\" is left."),
        422 => (nameof(ErrorCode.IdempotencyKeyReused), "This Idempotency-Key was already used for a different request."),
        429 => (ApiProblems.RateLimited, "Too many requests; try again in 5 s."),
        503 => (ApiProblems.Overloaded, "The shop is serving as many requests as it can; try again in a second."),
        _ => (ApiProblems.MalformedRequest, "The request was refused."),
    };
}
