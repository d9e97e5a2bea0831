namespace ECommerce.Storefront.Api.Contracts;

/// <summary>
/// A stock change with its reason. With <see cref="ExpectedStock"/> the change applies only if the stock is still
/// that, so two admins never overwrite each other unknowingly.
/// </summary>
public sealed record StockAdjustmentRequest(int Delta, string Reason, int? ExpectedStock = null);
