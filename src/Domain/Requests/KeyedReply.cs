namespace ECommerce.Domain.Requests;

/// <summary>The answer to a keyed request: the command's own, or the first request's under that key (<paramref name="Replayed"/>).</summary>
public sealed record KeyedReply(RememberedOutcome Outcome, bool Replayed);
