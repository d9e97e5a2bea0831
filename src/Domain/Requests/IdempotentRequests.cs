namespace ECommerce.Domain.Requests;

/// <summary>
/// Remembers the first outcome of each keyed request so that a repeat (a client retrying after a lost answer)
/// gets that outcome again and changes nothing. The commands themselves stay safe to repeat (a charge's key,
/// an order's request id, a paid order): this adds the same answer, refusals included, and refuses a key reused
/// for a different request.
/// </summary>
public sealed class IdempotentRequests(UnitOfWork unitOfWork, ShopDatabase database, TimeProvider clock)
{
    /// <summary>The first outcome under this key, none when the key is new, or a refusal when it asked something else.</summary>
    public async Task<Result<RememberedOutcome?>> FindAsync(string shopperId, string key, string fingerprint,
        CancellationToken ct = default)
    {
        if (CheckKey(shopperId, key) is { } invalid)
        {
            return Result<RememberedOutcome?>.Failure(invalid);
        }

        await using var db = await database.OpenAsync(ct);
        var first = await db.IdempotentRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ShopperId == shopperId && r.Key == key, ct);
        return first is null
            ? Result<RememberedOutcome?>.Success(null)
            : first.CheckRepeatOf(fingerprint) is { } reused ? Result<RememberedOutcome?>.Failure(reused) : first.Outcome;
    }

    /// <summary>
    /// Keeps <paramref name="outcome"/> as the answer to the key, unless a concurrent request with the same key was
    /// kept first: then that one's outcome is the answer (or a refusal, when it asked something else).
    /// </summary>
    public Task<Result<RememberedOutcome>> RememberAsync(string shopperId, string key, string fingerprint,
        RememberedOutcome outcome, CancellationToken ct = default)
    {
        if (CheckKey(shopperId, key) is { } invalid)
        {
            return Task.FromResult(Result<RememberedOutcome>.Failure(invalid));
        }

        // A unique index guards the pair: a concurrent insert makes this unit rerun, and the rerun reads the winner.
        return unitOfWork.RunAsync<RememberedOutcome>(async db =>
        {
            var first = await db.IdempotentRequests.FirstOrDefaultAsync(r => r.ShopperId == shopperId && r.Key == key, ct);
            if (first is not null)
            {
                return first.CheckRepeatOf(fingerprint) is { } reused ? reused : first.Outcome;
            }

            db.IdempotentRequests.Add(new IdempotentRequest(shopperId, key, fingerprint, outcome, clock.GetUtcNow().UtcDateTime));
            return outcome;
        }, ct);
    }

    internal static ShopError? CheckKey(string shopperId, string key) => InputChecks.Shopper(shopperId) ?? key switch
    {
        _ when string.IsNullOrWhiteSpace(key) => ShopError.Invalid("The Idempotency-Key header is empty: send a key, or leave the header out."),
        { Length: > IdempotentRequest.MaxKeyLength } => ShopError.Invalid(
            $"The Idempotency-Key is longer than {IdempotentRequest.MaxKeyLength} characters."),
        _ when key.Any(char.IsControl) => ShopError.Invalid("The Idempotency-Key may not hold control characters."),
        _ => null,
    };
}
