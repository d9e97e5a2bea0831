namespace ECommerce.Domain.Persistence;

public sealed class ConcurrencyOptions
{
    public const string Section = "Shop:Concurrency";

    /// <summary>Runs of one unit of work before the shopper is told the shop is busy.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// Claims, charges and payments that arrive together are decided in one unit of work (see
    /// <see cref="CommandBatcher{TCommand,TResult}"/>). Off, each runs as a unit of its own, as a shop of many
    /// single-request processes would: the races then rely on the tokens and the retry alone.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// Writers of one SQLite file in several processes take turns in arrival order (see <see cref="WriteTurns"/>).
    /// Off, they meet at SQLite's lock as they come, which lets one process starve the others.
    /// </summary>
    public bool WriteTurns { get; set; } = true;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
