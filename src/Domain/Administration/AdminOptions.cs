namespace ECommerce.Domain.Administration;

public sealed class AdminOptions
{
    public const string Section = "Shop:Admin";

    /// <summary>A product with this many units or fewer counts as running out.</summary>
    public int LowStockThreshold { get; set; } = 5;
}
