using System.Collections.Concurrent;

namespace ECommerce.Domain.Tests.Support;

/// <summary>
/// Stands in for the external data platform. It can be down for the next <see cref="FailuresLeft"/> sends
/// (nothing arrives), or lose its answer for the next <see cref="LostAnswersLeft"/> sends (the message
/// arrives but the shop sees an error, so it will send it again).
/// </summary>
public sealed class RecordingSink : IDataPlatformSink
{
    private int _failuresLeft;
    private int _lostAnswersLeft;
    private int _attempts;

    public int FailuresLeft { get => _failuresLeft; set => _failuresLeft = value; }
    public int LostAnswersLeft { get => _lostAnswersLeft; set => _lostAnswersLeft = value; }
    public int Attempts => _attempts;
    public ConcurrentQueue<DataPlatformMessage> Received { get; } = new();

    /// <summary>How many messages each batch the dispatcher handed over held.</summary>
    public ConcurrentQueue<int> Batches { get; } = new();

    public async Task<Exception?[]> SendAllAsync(IReadOnlyList<DataPlatformMessage> messages, CancellationToken ct)
    {
        Batches.Enqueue(messages.Count);
        var failures = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await SendAsync(messages[i], ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures[i] = e;
            }
        }

        return failures;
    }

    public Task SendAsync(DataPlatformMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The data platform is down.");
        }

        Received.Enqueue(message);
        if (Interlocked.Decrement(ref _lostAnswersLeft) >= 0)
        {
            throw new TaskCanceledException("The data platform's answer timed out.");
        }

        return Task.CompletedTask;
    }
}
