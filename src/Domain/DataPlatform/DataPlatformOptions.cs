namespace ECommerce.Domain.DataPlatform;

public sealed class DataPlatformOptions
{
    public const string Section = "Shop:DataPlatform";

    /// <summary>"Folder" (JSON lines in <see cref="Folder"/>) or "Http" (POST to <see cref="Url"/>).</summary>
    public string Sink { get; set; } = "Folder";

    public string Folder { get; set; } = "data/data-platform";
    public Uri? Url { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long the dispatcher lets payments gather after the first one wakes it, so that one batch (one lease, one
    /// append, one mark) carries them: the platform hears of a payment this much later, at most.
    /// </summary>
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one dispatcher holds a batch before another process may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
