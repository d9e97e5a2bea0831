using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Components;
using ECommerce.Storefront.Components.Layout;
using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.Storefront.Hosting;

public static class StorefrontPipeline
{
    public static WebApplication UseStorefront(this WebApplication app)
    {
        // First, so that every response carries the headers, error pages included.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        if (HttpsEndpoints.AreConfigured(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Named here, after the headers: left implicit, ASP.NET Core runs them first, and a sign-in redirect left bare.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // The shop's own policy (SecurityHeaders) already says frame-ancestors 'none'; a second header would only repeat it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountEndpoints();
        app.MapProductPictures();
        app.MapShopThemeStylesheet();
        return app;
    }
}
