using System.Collections.Concurrent;

namespace ECommerce.Domain.Tests.Support;

/// <summary>Stands in for the external data platform: fails the first <see cref="FailuresLeft"/> sends, records the rest.</summary>
public sealed class RecordingSink : IDataPlatformSink
{
    private int _failuresLeft;

    public int FailuresLeft { get => _failuresLeft; set => _failuresLeft = value; }
    public ConcurrentQueue<DataPlatformMessage> Received { get; } = new();
    public int Attempts => _attempts;
    private int _attempts;

    public Task SendAsync(DataPlatformMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The data platform is down.");
        }

        Received.Enqueue(message);
        return Task.CompletedTask;
    }
}
