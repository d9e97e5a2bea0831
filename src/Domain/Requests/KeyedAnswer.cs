namespace ECommerce.Domain.Requests;

/// <summary>The caller's answer to a keyed command's outcome, and whether a repeat of the request gets it again (<paramref name="Keep"/>).</summary>
public sealed record KeyedAnswer(RememberedOutcome Outcome, bool Keep);
