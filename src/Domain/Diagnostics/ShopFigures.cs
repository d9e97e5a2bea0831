namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// This process's totals since it started, read from the same tallies the metrics report: what the admin's
/// operations page turns into rates.
/// </summary>
public sealed record ShopFigures(
    IReadOnlyDictionary<ShopAction, long> Accepted,
    IReadOnlyDictionary<ShopAction, long> Refused,
    IReadOnlyDictionary<ErrorCode, long> RefusalsByReason,
    long Retries,
    long BusyAnswers,
    long Batches,
    long BatchedCommands);
