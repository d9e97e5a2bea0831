using System.Net;
using System.Net.Sockets;

namespace ECommerce.Domain.Tests.Support;

/// <summary>
/// A real HTTP listener on loopback standing in for the data platform (the one outside boundary the tests fake).
/// It answers 503 to the first <c>failFirst</c> requests, and to every <c>failEvery</c>-th after them when set,
/// 202 to the rest.
/// </summary>
public sealed class FakeDataPlatform : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _failEvery;
    private int _failuresLeft;
    private int _served;

    public FakeDataPlatform(int failFirst = 0, int failEvery = 0)
    {
        _failuresLeft = failFirst;
        _failEvery = failEvery;
        Url = $"http://127.0.0.1:{FreePort()}/events/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request received, in order, with what it was answered.</summary>
    public List<(string Method, string? IdempotencyKey, string Body, int Status)> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var served = Interlocked.Increment(ref _served);
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0 || (_failEvery > 0 && served % _failEvery == 0);
            var status = fail ? 503 : 202;
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, context.Request.Headers["Idempotency-Key"], body, status));
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
