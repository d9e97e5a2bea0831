using ECommerce.Domain.Orders;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>What the admin typed into the order filters: whole UTC days and a shopper's email.</summary>
public sealed class OrderFilter
{
    public OrderStatus? Status { get; set; }
    public DateTime? FromDay { get; set; }
    public DateTime? ToDay { get; set; }
    public string? ShopperEmail { get; set; }

    /// <summary>The first moment of the range (inclusive, UTC).</summary>
    public DateTime? From => FromDay is { } day ? DateTime.SpecifyKind(day.Date, DateTimeKind.Utc) : null;

    /// <summary>The moment after the range (the start of the day after the last day, UTC).</summary>
    public DateTime? To => ToDay is { } day ? DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc) : null;
}
