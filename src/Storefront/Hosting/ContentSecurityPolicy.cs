using System.Security.Cryptography;

namespace ECommerce.Storefront.Hosting;

/// <summary>
/// The shop's Content-Security-Policy. Scripts come only from the shop itself, plus the one inline script a page
/// carries (Blazor's import map), which is allowed by a nonce fresh for every response. Styles allow inline
/// style attributes because Blazor and the component library set them on elements as they render; style sheets
/// still come only from the shop. The circuit's WebSocket is same-origin ('self' covers ws: and wss:).
/// No page may be framed, no form may post elsewhere, no plugin may load.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceKey = "shop.csp-nonce";

    /// <summary>The nonce of this response's inline scripts: render it as the script's nonce attribute.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>
    /// The policy of this response. JSON from the API carries no script at all, so it gets the same policy without a
    /// nonce (stricter, and one string for every response: a fresh nonce per request was a twentieth of a coupon
    /// claim's processor time, see docs/performance.md "API load").
    /// </summary>
    public static string For(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiPath) ? ApiPolicy : Policy(ScriptSources(context));

    private const string ApiPath = "/api";

    private static readonly string ApiPolicy = Policy("script-src 'self'");

    private static string Policy(string scriptSources) => string.Join("; ",
        "default-src 'self'",
        scriptSources,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>
    /// The API reference page (Scalar, from its package) starts itself with an inline module script that carries no
    /// nonce; that page alone may run inline scripts. It shows only the shop's own OpenAPI document, no shopper input.
    /// </summary>
    private static string ScriptSources(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiReferencePath)
            ? "script-src 'self' 'unsafe-inline'"
            : $"script-src 'self' 'nonce-{context.CspNonce()}'";

    public const string ApiReferencePath = "/api-reference";
}
