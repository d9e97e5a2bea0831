using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Operations;

namespace ECommerce.Storefront.Components.Pages.Admin;

public static class AdminRegistration
{
    /// <summary>The admin pages' helpers; the admin queries and commands come with the domain.</summary>
    public static IServiceCollection AddAdminArea(this IServiceCollection services) =>
        services.AddScoped<AdminGate>().AddScoped<ShopperDirectory>().AddOpenCircuits();
}
