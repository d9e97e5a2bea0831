namespace ECommerce.Domain.Requests;

/// <summary>The answer a request got the first time: its status code and its body, as sent.</summary>
public sealed record RememberedOutcome(int StatusCode, string Response);
