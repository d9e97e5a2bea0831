namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// The external data platform. A send may be repeated after a failure or a crash: the platform
/// de-duplicates by <see cref="DataPlatformMessage.IdempotencyKey"/>.
/// </summary>
public interface IDataPlatformSink
{
    Task SendAsync(DataPlatformMessage message, CancellationToken ct);

    /// <summary>
    /// Sends a batch (the outbox dispatcher's); one entry per message, in order: null once that message is delivered,
    /// or what failed it. By default one <see cref="SendAsync"/> after another; a sink that can deliver several
    /// messages in one write (the folder sink: one append per file) does so.
    /// </summary>
    async Task<Exception?[]> SendAllAsync(IReadOnlyList<DataPlatformMessage> messages, CancellationToken ct)
    {
        var failures = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await SendAsync(messages[i], ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures[i] = e;
            }
        }

        return failures;
    }
}
