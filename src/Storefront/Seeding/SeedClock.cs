namespace ECommerce.Storefront.Seeding;

/// <summary>The clock of the seeding run: moved by hand so that demo orders happen, honestly, in the past.</summary>
internal sealed class SeedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
