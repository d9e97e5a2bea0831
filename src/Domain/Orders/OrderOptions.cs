namespace ECommerce.Domain.Orders;

public sealed class OrderOptions
{
    public const string Section = "Shop:Orders";

    /// <summary>How long a placed order waits for payment before it expires.</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(15);

    public int MaxLines { get; set; } = 50;
    public int MaxQuantityPerLine { get; set; } = 999;

    /// <summary>How often the background sweep expires unpaid orders.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
