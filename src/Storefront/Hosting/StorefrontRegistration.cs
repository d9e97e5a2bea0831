using ECommerce.Domain;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Components.Layout;
using ECommerce.Storefront.Components.Pages.Admin;
using ECommerce.Storefront.Seeding;
using ECommerce.Storefront.ShoppingCart;
using MudBlazor.Services;
using Radzen;

namespace ECommerce.Storefront.Hosting;

public static class StorefrontRegistration
{
    /// <summary>Everything the storefront runs on: the domain, accounts, the cart, demo data and the Blazor UI.</summary>
    public static WebApplicationBuilder AddStorefront(this WebApplicationBuilder builder)
    {
        // Serves Radzen's files from the package cache when the app runs from its build output, not only under `dotnet run`.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddShopDomain(builder.Configuration);
        services.AddShopBackgroundWork();
        services.AddShopAccounts();
        services.AddShoppingCart();
        services.AddAdminArea();
        services.AddDemoData(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddMudServices();
        services.AddScoped<ShopperStatus>();
        return builder;
    }
}
