using ECommerce.Domain.DataPlatform;

namespace ECommerce.Domain.Administration;

/// <summary>Outbox messages in one state (or all), newest first.</summary>
public sealed record OutboxQuery(OutboxState? State = null, int Page = 1, int PageSize = 20);
