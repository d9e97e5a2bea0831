using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Hosting;

public static class SecurityRegistration
{
    /// <summary>
    /// No Server header; malformed requests answered 400 with what could not be read; and, when
    /// the shop has an HTTPS endpoint, cookies marked Secure. See docs/security.md.
    /// </summary>
    public static WebApplicationBuilder AddShopSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        // A value the binder cannot read is thrown, so that the API can say which one (UnreadableRequests); the API
        // catches it before any error page, and elsewhere the exception handler answers its 400 (StorefrontPipeline).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        if (HttpsEndpoints.AreConfigured(builder.Configuration))
        {
            services.ConfigureApplicationCookie(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.ConfigureExternalCookie(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        return builder;
    }
}
