using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ECommerce.Storefront.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (nothing else is checked, so a database outage never gets the instances
/// restarted). <c>/health/ready</c>: the database answers with every migration applied; 503 otherwise. Both anonymous,
/// a one-word text answer, never cached. See docs/scale-out.md.
/// </summary>
public static class HealthRegistration
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddShopHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapShopHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
