using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Api;
using ECommerce.Storefront.Components;
using ECommerce.Storefront.Components.Layout;
using ECommerce.Storefront.Components.Widgets;
using ECommerce.Storefront.Health;
using ECommerce.Storefront.Operations;

namespace ECommerce.Storefront.Hosting;

public static class StorefrontPipeline
{
    public static WebApplication UseStorefront(this WebApplication app)
    {
        // First, so that every response carries the headers, error pages included.
        app.UseSecurityHeaders();
        // Before sign-in and the rate limits: a scraper is neither a shopper nor an API client.
        app.UseShopMetrics();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                CreateScopeForErrors = true,
                // A request the binder could not read is the client's 400, not the shop's 500.
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
        }

        if (HttpsEndpoints.AreConfigured(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Inside the status pages, so that the API's failures are JSON instead of the HTML not-found page.
        app.UseShopApiErrors();
        // Named here, after the headers: left implicit, ASP.NET Core runs them first, and a sign-in redirect left bare.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseShopApiLimits();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // The shop's own policy (SecurityHeaders) already says frame-ancestors 'none'; a second header would only repeat it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountEndpoints();
        app.MapShopApi();
        app.MapShopHealth();
        app.MapProductPictures();
        app.MapShopThemeStylesheet();
        app.MapMemoryDiagnostics();
        return app;
    }
}
