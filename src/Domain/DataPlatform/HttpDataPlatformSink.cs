using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.DataPlatform;

/// <summary>POSTs each message as JSON to the configured URL, with an Idempotency-Key header; any non-2xx answer is a failure.</summary>
public sealed class HttpDataPlatformSink(IHttpClientFactory httpClients, IOptions<DataPlatformOptions> options) : IDataPlatformSink
{
    public async Task SendAsync(DataPlatformMessage message, CancellationToken ct)
    {
        var url = options.Value.Url ?? throw new InvalidOperationException(
            $"{DataPlatformOptions.Section}:Url must be set when the sink is Http.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.ToJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await httpClients.CreateClient(nameof(HttpDataPlatformSink)).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
