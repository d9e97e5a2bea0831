namespace ECommerce.Storefront.Hosting;

/// <summary>
/// Whether the shop was given an HTTPS endpoint (a certificate): by <c>--urls https://…</c> or ASPNETCORE_URLS,
/// by ASPNETCORE_HTTPS_PORTS, or by a <c>Kestrel:Endpoints:{name}:Url</c> starting with https. Then plain HTTP
/// is redirected to HTTPS and cookies are sent only over HTTPS; otherwise the shop serves plain HTTP as before.
/// </summary>
public static class HttpsEndpoints
{
    public static bool AreConfigured(IConfiguration configuration) =>
        IsHttps(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));

    private static bool IsHttps(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) == true;
}
