using ECommerce.Domain;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Api;
using ECommerce.Storefront.Components.Layout;
using ECommerce.Storefront.Health;
using ECommerce.Storefront.Components.Pages.Admin;
using ECommerce.Storefront.Operations;
using ECommerce.Storefront.Seeding;
using ECommerce.Storefront.ShoppingCart;
using MudBlazor.Services;

namespace ECommerce.Storefront.Hosting;

public static class StorefrontRegistration
{
    /// <summary>Everything the storefront runs on: the domain, accounts, the cart, demo data and the Blazor UI.</summary>
    public static WebApplicationBuilder AddStorefront(this WebApplicationBuilder builder)
    {
        // Serves blazor.web.js and MudBlazor's files from the package cache when the app runs from its build output
        // (tests, benchmarks), not only under `dotnet run` or from the publish output.
        builder.WebHost.UseStaticWebAssets();
        // The build output's asset manifest also turns on ASP.NET Core's development handler (assets edited while the
        // app runs), which asks the file system during every request's routing, API calls included, and serves assets
        // without long-lived caching. Outside Development the assets cannot change under a running app: serve them
        // from the manifest, as from a publish output. An explicit setting still wins.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }

        builder.AddShopSecurity();
        builder.AddShopOperations();

        var services = builder.Services;
        services.AddShopDomain(builder.Configuration);
        services.AddShopBackgroundWork();
        services.AddShopAccounts(builder.Configuration);
        services.AddSharedKeyRing();
        services.AddShopHealth();
        services.AddShopApi(builder.Configuration);
        services.AddShoppingCart();
        services.AddAdminArea();
        services.AddDemoData(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<ShopperStatus>();
        services.AddSingleton<ShopThemeStylesheet>();
        return builder;
    }
}
