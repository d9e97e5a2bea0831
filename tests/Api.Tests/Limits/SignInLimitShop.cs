namespace ECommerce.Api.Tests.Limits;

/// <summary>A shop that lets one address try to sign in 4 times in 10 minutes.</summary>
public sealed class SignInLimitShop : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Shop:Api:RateLimits:SignInsPerAddress"] = "4",
        ["Shop:Api:RateLimits:SignInWindow"] = "00:10:00",
    };
}
