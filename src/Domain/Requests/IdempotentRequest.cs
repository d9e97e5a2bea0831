namespace ECommerce.Domain.Requests;

/// <summary>
/// The first outcome of a request a client sent with an idempotency key: what it asked (as a fingerprint) and what
/// it was answered. The key is the client's, so it is unique per shopper only.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;

    private IdempotentRequest()
    {
    }

    internal IdempotentRequest(string shopperId, string key, string fingerprint, RememberedOutcome outcome, DateTime createdAt)
    {
        ShopperId = shopperId;
        Key = key;
        Fingerprint = fingerprint;
        StatusCode = outcome.StatusCode;
        Response = outcome.Response;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string ShopperId { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string Fingerprint { get; private set; } = "";
    public int StatusCode { get; private set; }
    public string Response { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    internal RememberedOutcome Outcome => new(StatusCode, Response);

    /// <summary>A repeat must ask exactly what the first request asked; the same key for something else is refused.</summary>
    internal ShopError? CheckRepeatOf(string fingerprint) => fingerprint == Fingerprint
        ? null
        : new ShopError(ErrorCode.IdempotencyKeyReused,
            "This Idempotency-Key was already used for a different request; send a new key for a new request.");
}
