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
}
