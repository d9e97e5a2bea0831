namespace ECommerce.Domain.Requests;

/// <summary>
/// A command sent under a client's idempotency key, with how the caller answers its outcome. The domain keeps that
/// answer in the same transaction (and group-committed batch) as the command itself, so two requests under one key
/// can never both act: the second finds the first's answer, or the unique index on the key makes its unit run again
/// and then find it.
/// </summary>
/// <param name="answer">The caller's answer to an outcome (status and body, as it will be sent), and whether a repeat should get it again.</param>
public sealed class RequestKey<T>(string key, string fingerprint, Func<Result<T>, KeyedAnswer> answer)
{
    public string Key { get; } = key;

    /// <summary>What the request asked (its hash): a repeat must ask the same.</summary>
    public string Fingerprint { get; } = fingerprint;

    internal KeyedAnswer Answer(Result<T> outcome) => answer(outcome);

    /// <summary>
    /// What the command's last run answered. A group-committed batch decides each command inside its unit of work
    /// and has only a typed outcome to hand back, so the answer travels here; a run whose unit failed leaves a stale
    /// one, which the service ignores (it answers the unit's failure instead).
    /// </summary>
    internal KeyedReply? Reply { get; set; }
}
