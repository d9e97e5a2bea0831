using ECommerce.Domain.Orders;

namespace ECommerce.Domain.Administration;

/// <summary>
/// What an admin filters orders by; every filter is optional. <paramref name="From"/> is inclusive and
/// <paramref name="To"/> exclusive (UTC), so whole days are [day, next day).
/// </summary>
public sealed record AdminOrderQuery(
    OrderStatus? Status = null,
    DateTime? From = null,
    DateTime? To = null,
    string? ShopperId = null,
    AdminOrderSort Sort = AdminOrderSort.NewestFirst,
    int Page = 1,
    int PageSize = 20);
