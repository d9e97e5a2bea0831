namespace ECommerce.Domain.Tests.Live;

/// <summary>
/// The live-figure tests measure a latency (a change shown within a second), so they run on their own, after the
/// suite's races: on a loaded two-core machine those races starve the thread pool that carries the flushes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveCollection
{
    public const string Name = "Live figures";
}
