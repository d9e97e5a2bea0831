using System.Globalization;
using System.Threading.RateLimiting;
using ECommerce.Storefront.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Api;

/// <summary>
/// ASP.NET Core's limiter over the API: claims per shopper and sign-ins per address answer 429 with Retry-After;
/// the cap on API requests in flight answers 503 with Retry-After instead of queueing without bound.
/// </summary>
public static class ApiRateLimits
{
    public const string Claims = "claims";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiRateLimitOptions>(configuration.GetSection(ApiRateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiRateLimitOptions>, TimeProvider>((limiter, configured, clock) =>
        {
            var limits = configured.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.IsApi()
                ? RateLimitPartition.GetConcurrencyLimiter("api", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.ConcurrentRequests,
                    QueueLimit = limits.QueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("pages"));
            // A window of our own that reopens when claimed, not on the partitioned limiter's 100 ms timer (see ShopperClaimWindow).
            limiter.AddPolicy(Claims, http => RateLimitPartition.Get(
                http.User.ShopperId() ?? "", _ => new ShopperClaimWindow(Math.Max(1, limits.ClaimsPerShopper), limits.ClaimWindow, clock)));
            limiter.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "", _ => Window(limits.SignInsPerAddress, limits.SignInWindow)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
    };

    /// <summary>A per-client window says when it reopens (429); the concurrency cap does not, so it asks for a second (503).</summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var limited = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var seconds = limited ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = limited
            ? ApiProblems.Create(http, StatusCodes.Status429TooManyRequests, ApiProblems.RateLimited,
                $"Too many requests; try again in {seconds} s.")
            : ApiProblems.Create(http, StatusCodes.Status503ServiceUnavailable, ApiProblems.Overloaded,
                "The shop is serving as many requests as it can; try again in a second.");
        return new ValueTask(ApiErrorResponses.WriteAsync(http, problem));
    }
}
