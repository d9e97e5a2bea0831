namespace ECommerce.Domain.Persistence;

public sealed class ConcurrencyOptions
{
    public const string Section = "Shop:Concurrency";

    /// <summary>Runs of one unit of work before the shopper is told the shop is busy.</summary>
    public int MaxAttempts { get; set; } = 12;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
