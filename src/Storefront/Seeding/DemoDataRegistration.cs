namespace ECommerce.Storefront.Seeding;

public static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.AddSingleton<DemoData>();
        return services;
    }
}
