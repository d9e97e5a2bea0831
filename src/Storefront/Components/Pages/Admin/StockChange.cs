namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>A stock change as the admin entered it, with the stock the form showed when it was entered.</summary>
public sealed record StockChange(int Delta, string Reason, int ExpectedStock);
