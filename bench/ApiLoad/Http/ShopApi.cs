using System.Text.Json;

namespace ECommerce.ApiLoad.Http;

/// <summary>
/// The shop's JSON API as a shopper's client calls it, over one connection pool sized to the scenario's
/// workers (one connection each, so no request waits in the client for a connection).
/// </summary>
internal sealed class ShopApi(Uri baseAddress, int connections) : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Task<Reply> GetAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Get, path, bearer);

    /// <summary>Sends <paramref name="body"/> as JSON; a byte array is taken as JSON already serialised (<see cref="Json"/>).</summary>
    public Task<Reply> PostAsync(string path, string? bearer, object? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, bearer, body, idempotencyKey);

    /// <summary>Sends a request; <paramref name="bearer"/> is the whole Authorization value (<see cref="BenchRun.Bearer"/>).</summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, string? bearer, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            // Unparsed: the generator shares the app's two cores, and a header it wrote itself needs no check.
            request.Headers.TryAddWithoutValidation("Authorization", bearer);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent(body);
        }

        try
        {
            using var response = await _http.SendAsync(request);
            return new Reply((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Reply(0, System.Text.Encoding.UTF8.GetBytes(e.Message));
        }
    }

    /// <summary>A body serialised once, for a request sent many times (every claim of a rush names the same code).</summary>
    public static byte[] Json(object body) => JsonSerializer.SerializeToUtf8Bytes(body, Web);

    private static ByteArrayContent JsonContent(object body)
    {
        var content = new ByteArrayContent(body as byte[] ?? Json(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    public void Dispose() => _http.Dispose();
}
