using System.Net.Http.Headers;

namespace ECommerce.Api.Tests.Limits;

/// <summary>
/// The limits of a shop configured low. One test at a time holds the single request slot, so the tests of this
/// class run in order (xUnit runs one class's tests one after another).
/// </summary>
public sealed class RateLimitTests(LowLimitsShop shop) : IClassFixture<LowLimitsShop>
{
    [Fact]
    public async Task Claims_past_the_shoppers_limit_are_429_with_retry_after_and_claim_nothing()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await shopper.PostAsync("/api/coupons/claim", new { couponCode = "NO-SUCH-CODE" });
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        var before = await shop.FingerprintAsync();
        using var limited = await shopper.PostAsync("/api/coupons/claim", new { couponCode = "NO-SUCH-CODE" });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RateLimited");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);

        // The limit is the shopper's own: another shopper still claims.
        using var other = await ApiShopper.SignUpAsync(shop);
        using var theirs = await other.PostAsync("/api/coupons/claim", new { couponCode = "NO-SUCH-CODE" });
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task Past_the_concurrency_cap_a_request_is_answered_503_at_once_with_retry_after()
    {
        using var http = shop.CreateClient();
        // A request whose body has not all arrived holds the only slot while its endpoint waits to read it.
        using var held = new System.Net.Sockets.TcpClient();
        await held.ConnectAsync(http.BaseAddress!.Host, http.BaseAddress.Port);
        var stream = held.GetStream();
        const string rest = "\"x\"}";
        var start = "{\"refreshToken\":";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST /api/auth/refresh HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {start.Length + rest.Length}\r\n\r\n{start}"));
        await stream.FlushAsync();

        var refused = await PingUntilAsync(http, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "Overloaded");
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        refused.Dispose();

        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(rest));
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer);
        Assert.StartsWith("HTTP/1.1 401", System.Text.Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
        // The slot comes back once the held request's pipeline has unwound, a moment after its answer was read.
        using var after = await PingUntilAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>
    /// Pings until the answer is <paramref name="wanted"/> or <paramref name="within"/> has passed; the last answer
    /// must have come at once. The held request takes the slot once the server has read its headers, and frees it
    /// once its pipeline has unwound, a moment after its answer reached the client: on a loaded machine either can
    /// take a while, so the waits are long; what is asserted is that the cap answers immediately.
    /// </summary>
    private static async Task<HttpResponseMessage> PingUntilAsync(HttpClient http, HttpStatusCode wanted, TimeSpan within)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var response = await http.GetAsync(new Uri("/api/ping", UriKind.Relative));
            if (response.StatusCode == wanted || waiting.Elapsed > within)
            {
                Assert.True(watch.ElapsedMilliseconds < 5_000, $"The answer took {watch.ElapsedMilliseconds} ms");
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }
}
