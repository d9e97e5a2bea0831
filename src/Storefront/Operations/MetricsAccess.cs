using System.Net;

namespace ECommerce.Storefront.Operations;

/// <summary>Who may read /metrics (see <see cref="OperationsOptions.MetricsFromAnyAddress"/>).</summary>
internal static class MetricsAccess
{
    public const string Path = "/metrics";

    public static bool IsScrape(HttpContext http, OperationsOptions options) =>
        http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
        && (options.MetricsFromAnyAddress || FromThisMachineDirectly(http));

    // A proxy on this machine (nginx) also connects from loopback; its forwarding header tells a shopper's request apart.
    public static bool FromThisMachineDirectly(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("Forwarded");
}
