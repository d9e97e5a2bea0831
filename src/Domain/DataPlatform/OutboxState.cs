namespace ECommerce.Domain.DataPlatform;

public enum OutboxState
{
    Pending,
    Delivered,

    /// <summary>At least one attempt failed; retried with backoff until it is delivered.</summary>
    Failing,
}
