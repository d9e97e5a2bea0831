using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Components;

namespace ECommerce.Storefront.Hosting;

public static class StorefrontPipeline
{
    public static WebApplication UseStorefront(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        return app;
    }
}
