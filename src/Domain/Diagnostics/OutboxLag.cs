namespace ECommerce.Domain.Diagnostics;

/// <summary>Messages not yet delivered to the data platform, and how long the oldest of them has waited, as read at <see cref="ReadAt"/>.</summary>
public sealed record OutboxLag(long Backlog, TimeSpan OldestAge, DateTimeOffset ReadAt);
