using System.Net.Http.Json;

namespace ECommerce.CircuitLoad;

/// <summary>The storefront instance under test, through its local-only diagnostics.</summary>
internal sealed class Instance(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public Uri BaseAddress => baseAddress;

    public async Task<MemoryReading> MemoryAsync()
    {
        using var response = await _http.PostAsync(new Uri("/diagnostics/memory", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<MemoryReading>() ?? throw new InvalidOperationException("No reading.");
    }

    /// <summary>Waits until the instance holds exactly <paramref name="circuits"/> circuits (closing ones take a moment).</summary>
    public async Task<MemoryReading> SettleAsync(long circuits, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var reading = await MemoryAsync();
            if (reading.Circuits == circuits || DateTime.UtcNow > deadline)
            {
                return reading;
            }

            await Task.Delay(500);
        }
    }

    public void Dispose() => _http.Dispose();
}
