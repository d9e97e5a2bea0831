using ECommerce.Storefront.Api.Contracts;

namespace ECommerce.Storefront.Api;

public static class PingEndpoints
{
    /// <summary>The trivial answer the load tests measure as their floor: the same pipeline, no domain.</summary>
    public static RouteGroupBuilder MapPing(this RouteGroupBuilder api)
    {
        api.MapGet("/ping", () => TypedResults.Ok(new PingView(true)))
            .AllowAnonymous()
            .WithName("Ping")
            .WithSummary("Answers {\"ok\":true} without signing in: a health and latency floor.");
        return api;
    }
}
