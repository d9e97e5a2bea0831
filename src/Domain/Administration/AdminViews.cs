using ECommerce.Domain.Auditing;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;

namespace ECommerce.Domain.Administration;

public sealed record AdminActionView(long Id, DateTime At, string Actor, AdminActionKind Kind, string Subject, string Details);

/// <summary>An order in the admin's list. The shopper is an id: the storefront knows which account that is.</summary>
public sealed record AdminOrderRow(int Id, string ShopperId, OrderStatus Status, DateTime CreatedAt, int Units, long Total, string? CouponCode);

public sealed record OrderPaymentView(int Id, long Amount, DateTime PaidAt);

/// <summary>How far the paid order got on its way to the data platform.</summary>
public sealed record OrderDeliveryView(
    long MessageId, OutboxState State, int Attempts, DateTime NextAttemptAt, DateTime? DeliveredAt, string? LastError);

/// <summary>One order as an admin inspects it: lines at their frozen prices, coupon, payment and delivery.</summary>
public sealed record AdminOrderDetail(OrderView Order, OrderPaymentView? Payment, OrderDeliveryView? Delivery);

public sealed record StockRow(int ProductId, string Name, string CategoryName, long Price, int Stock);

public sealed record LowStockProduct(int ProductId, string Name, int Stock);

/// <summary>
/// The shop today (the current UTC day) at a glance: revenue and paid orders, orders waiting for payment,
/// the best sellers of the last 72 hours and the products at or below the low-stock threshold.
/// </summary>
public sealed record DashboardView(
    DateTime Day, long RevenueToday, int PaidOrdersToday, int AwaitingPayment, IReadOnlyList<TopSeller> TopSellers,
    int LowStockThreshold, int LowStockCount, IReadOnlyList<LowStockProduct> LowStock);

public sealed record OutboxRow(
    long Id, string IdempotencyKey, DateTime CreatedAt, OutboxState State, int Attempts, DateTime NextAttemptAt, DateTime? DeliveredAt,
    string? LastError);

/// <summary>How many outbox messages are in each state.</summary>
public sealed record OutboxCounts(int Pending, int Delivered, int Failing);
