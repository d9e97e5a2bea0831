namespace ECommerce.Domain.Live;

/// <summary>The "Shop:Live" section: how open pages follow the figures (docs/live-figures.md).</summary>
public sealed class LiveOptions
{
    public const string Section = "Shop:Live";

    /// <summary>The shortest time between two flushes of the changed figures to the open pages.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// On PostgreSQL, each unit of work that changed a figure sends a NOTIFY in its transaction, so the other
    /// instances hear of it on commit. Off only to measure what it costs (bench/run.sh).
    /// </summary>
    public bool Notify { get; set; } = true;
}
