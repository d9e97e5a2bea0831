using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Storefront.Hosting;

public static class SecurityRegistration
{
    /// <summary>
    /// No Server header; malformed requests answered 400 rather than thrown (also under Development); and, when
    /// the shop has an HTTPS endpoint, cookies marked Secure. See docs/security.md.
    /// </summary>
    public static WebApplicationBuilder AddShopSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        // Development's default throws on a bad form or query value and shows the developer page with its stack trace.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);

        if (HttpsEndpoints.AreConfigured(builder.Configuration))
        {
            services.ConfigureApplicationCookie(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.ConfigureExternalCookie(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        return builder;
    }
}
