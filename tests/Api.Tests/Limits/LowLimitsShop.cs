using Microsoft.AspNetCore.Hosting;

namespace ECommerce.Api.Tests.Limits;

/// <summary>A shop whose limits are low enough for a test to reach: 3 claims per shopper, 1 request at a time.</summary>
public sealed class LowLimitsShop : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Shop:Api:RateLimits:ClaimsPerShopper"] = "3",
        ["Shop:Api:RateLimits:ClaimWindow"] = "00:10:00",
        ["Shop:Api:RateLimits:ConcurrentRequests"] = "1",
        ["Shop:Api:RateLimits:QueuedRequests"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The cap's test holds the only slot with a request whose body stalls. Kestrel's minimum body data rate ends
        // such a request after its 5 s grace, freeing the slot; on a loaded CI machine that could pass before the
        // test's pings saw the refusal (they then passed for a minute). The hold is the test's to end.
        builder.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = null);
    }
}
