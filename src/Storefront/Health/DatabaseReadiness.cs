using ECommerce.Domain.Persistence;
using ECommerce.Storefront.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Storefront.Health;

/// <summary>
/// Ready when the shop's database answers and both schemas (the shop's and the storefront's) carry every migration
/// this build knows: an instance started against an older or missing database must not get shoppers yet.
/// </summary>
internal sealed class DatabaseReadiness(ShopDatabase shop, IDbContextFactory<StorefrontDbContext> storefront) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await shop.PendingMigrationsAsync(cancellationToken)).Count;
            await using (var db = await storefront.CreateDbContextAsync(cancellationToken))
            {
                pending += (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            }

            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} migrations not applied");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The probe's answer is the whole story for the load balancer; the reason goes to the log, not the response.
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
