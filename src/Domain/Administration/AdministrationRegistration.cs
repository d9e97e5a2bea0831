using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Domain.Administration;

internal static class AdministrationRegistration
{
    /// <summary>The admin area's read side; its commands live with the services they change.</summary>
    public static IServiceCollection AddShopAdministration(this IServiceCollection services)
    {
        services.AddSingleton<OrderSearch>();
        services.AddSingleton<StockList>();
        services.AddSingleton<SalesDashboard>();
        services.AddSingleton<CampaignList>();
        services.AddSingleton<OutboxMonitor>();
        services.AddSingleton<ActivityLog>();
        return services;
    }
}
