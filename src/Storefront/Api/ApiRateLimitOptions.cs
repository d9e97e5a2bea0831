namespace ECommerce.Storefront.Api;

/// <summary>The API's limits (Shop:Api:RateLimits). Load tests raise them through configuration; tests lower them.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Shop:Api:RateLimits";

    /// <summary>Coupon claims one shopper may send per <see cref="ClaimWindow"/>: a person clicks a few times, a script hundreds.</summary>
    public int ClaimsPerShopper { get; set; } = 10;

    public TimeSpan ClaimWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sign-in and refresh attempts per client address per <see cref="SignInWindow"/>, against password guessing.</summary>
    public int SignInsPerAddress { get; set; } = 20;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>API requests served at once; more wait in a short queue, and past it are answered 503 at once.</summary>
    public int ConcurrentRequests { get; set; } = 512;

    public int QueuedRequests { get; set; } = 1024;
}
