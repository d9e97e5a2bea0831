namespace ECommerce.Domain.Requests;

/// <summary>
/// The answers already kept under the keys a unit of work (or a batch) meets, read once inside its transaction.
/// <see cref="Decide{T}"/> replays or refuses a repeat, or runs the command and keeps its answer, which
/// <see cref="WriteAsync"/> inserts (set-based, untracked) with the batch's own writes. A command later in the same
/// batch under the same key sees it.
/// </summary>
internal sealed class KeptAnswers
{
    /// <summary>
    /// The batch outcome of a command answered from a kept answer: never shown, the caller answers with
    /// <see cref="RequestKey{T}.Reply"/>.
    /// </summary>
    internal static readonly ShopError Replayed = new(ErrorCode.IdempotencyKeyReused, "Answered from the first request under this key.");

    private readonly Dictionary<(string ShopperId, string Key), IdempotentRequest> _kept;
    private readonly List<IdempotentRequest> _new = [];
    private readonly DateTime _now;

    private KeptAnswers(Dictionary<(string, string), IdempotentRequest> kept, DateTime now) => (_kept, _now) = (kept, now);

    internal static async Task<KeptAnswers> ReadAsync(ShopDbContext db, IReadOnlyCollection<(string ShopperId, string Key)> keys, DateTime now,
        CancellationToken ct = default)
    {
        var kept = new Dictionary<(string, string), IdempotentRequest>();
        if (keys.Count > 0)
        {
            var rows = await KeyPairs.Matching(db, db.IdempotentRequests, "IdempotentRequests", "ShopperId", "Key", keys)
                .AsNoTracking().ToListAsync(ct);
            foreach (var row in rows)
            {
                kept[(row.ShopperId, row.Key)] = row;
            }
        }

        return new KeptAnswers(kept, now);
    }

    /// <summary>
    /// A repeat gets the first answer (or, asking something else, a refusal) and <paramref name="decide"/> does not
    /// run; otherwise the command's answer is kept when the caller says a repeat should get it again.
    /// </summary>
    internal Result<T> Decide<T>(string shopperId, RequestKey<T> key, Func<Result<T>> decide)
    {
        if (_kept.TryGetValue((shopperId, key.Key), out var first))
        {
            if (first.CheckRepeatOf(key.Fingerprint) is { } reused)
            {
                key.Reply = new KeyedReply(key.Answer(reused).Outcome, Replayed: false);
                return reused;
            }

            key.Reply = new KeyedReply(first.Outcome, Replayed: true);
            return Replayed;
        }

        var outcome = decide();
        Keep(shopperId, key, outcome);
        return outcome;
    }

    /// <summary>Answers <paramref name="outcome"/> and keeps that answer under the key, as <see cref="Decide{T}"/> does after deciding.</summary>
    internal void Keep<T>(string shopperId, RequestKey<T> key, Result<T> outcome)
    {
        var answer = key.Answer(outcome);
        if (answer.Keep)
        {
            var row = new IdempotentRequest(shopperId, key.Key, key.Fingerprint, answer.Outcome, _now);
            _new.Add(row);
            _kept[(shopperId, key.Key)] = row;
        }

        key.Reply = new KeyedReply(answer.Outcome, Replayed: false);
    }

    /// <summary>Whether a first answer is kept under the key (a repeat is then answered by <see cref="Decide{T}"/> without deciding).</summary>
    internal bool Has(string shopperId, string key) => _kept.ContainsKey((shopperId, key));

    /// <summary>Whether this batch kept an answer that <see cref="WriteAsync"/> has yet to write.</summary>
    internal bool HasNew => _new.Count > 0;

    /// <summary>The answers kept by this batch, in one INSERT on the unit's connection and transaction.</summary>
    internal async Task WriteAsync(ShopDbContext db)
    {
        var batch = new StatementBatch(db);
        Write(batch);
        await batch.ExecuteAsync();
    }

    /// <summary>The answers kept by this batch, as one INSERT among the batch's other statements.</summary>
    internal void Write(StatementBatch batch) =>
        batch.Add(SetBasedWrites.Insert("IdempotentRequests", ["ShopperId", "Key", "Fingerprint", "StatusCode", "Response", "CreatedAt"],
            TakeNew().Select(r => new object[] { r.ShopperId, r.Key, r.Fingerprint, r.StatusCode, r.Response, r.CreatedAt })));

    private List<IdempotentRequest> TakeNew()
    {
        var written = _new.ToList();
        _new.Clear();
        return written;
    }
}
