namespace ECommerce.Storefront.Api.Contracts;

/// <summary>The message was made due now; the dispatcher tries it at once.</summary>
public sealed record RetryView(long MessageId, bool Retried);
