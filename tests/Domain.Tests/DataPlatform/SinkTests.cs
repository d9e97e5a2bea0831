using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.DataPlatform;

public sealed class SinkTests
{
    [Fact]
    public async Task The_folder_sink_appends_one_json_line_per_message()
    {
        await using var shop = await ShopHarness.StartAsync(recordingSink: false);
        var orderIds = await OutboxTests.PayOrdersAsync(shop, 3);

        Assert.Equal((3, 0), await shop.Dispatcher.DispatchDueAsync());

        var file = Assert.Single(Directory.GetFiles(Path.Combine(shop.Folder, "data-platform"), "*.jsonl"));
        Assert.EndsWith($"order-paid-{ShopHarness.Start:yyyy-MM-dd}.jsonl", file);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(orderIds.Select(OutboxTests.KeyOf), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("idempotencyKey").GetString()));
    }

    [Fact]
    public async Task The_http_sink_posts_with_an_idempotency_key_and_treats_an_error_status_as_a_failure()
    {
        using var platform = new FakePlatform(failFirst: 1);
        await using var shop = await ShopHarness.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Shop:DataPlatform:Sink"] = "Http",
                ["Shop:DataPlatform:Url"] = platform.Url,
            },
            recordingSink: false);
        var orderId = (await OutboxTests.PayOrdersAsync(shop, 1))[0];

        Assert.Equal((0, 1), await shop.Dispatcher.DispatchDueAsync());
        Assert.Contains("503", (await shop.QueryAsync(db => db.Outbox.SingleAsync())).LastError);
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((1, 0), await shop.Dispatcher.DispatchDueAsync());

        Assert.Equal(2, platform.Requests.Count);
        Assert.All(platform.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(OutboxTests.KeyOf(orderId), r.IdempotencyKey);
            Assert.Equal(orderId, JsonDocument.Parse(r.Body).RootElement.GetProperty("payload").GetProperty("orderId").GetInt32());
        });
    }

    /// <summary>A real HTTP listener on loopback standing in for the data platform.</summary>
    private sealed class FakePlatform : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _failuresLeft;

        public FakePlatform(int failFirst)
        {
            _failuresLeft = failFirst;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/events/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }
        public List<(string Method, string? IdempotencyKey, string Body)> Requests { get; } = [];

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
                lock (Requests)
                {
                    Requests.Add((context.Request.HttpMethod, context.Request.Headers["Idempotency-Key"], reader.ReadToEnd()));
                }

                context.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 503 : 202;
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
}
