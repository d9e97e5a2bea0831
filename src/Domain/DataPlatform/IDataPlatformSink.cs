namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// The external data platform. A send may be repeated after a failure or a crash: the platform
/// de-duplicates by <see cref="DataPlatformMessage.IdempotencyKey"/>.
/// </summary>
public interface IDataPlatformSink
{
    Task SendAsync(DataPlatformMessage message, CancellationToken ct);
}
