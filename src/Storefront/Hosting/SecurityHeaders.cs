namespace ECommerce.Storefront.Hosting;

/// <summary>
/// The headers every response carries (see docs/security.md). They are added as the response starts, so an
/// error page that clears the response on its way still gets them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>A year: the shop, once served over HTTPS, stays on HTTPS.</summary>
    private const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.For(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
