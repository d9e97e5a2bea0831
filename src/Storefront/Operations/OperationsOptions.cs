namespace ECommerce.Storefront.Operations;

/// <summary>Where the shop's metrics and traces go (Shop:Operations); see docs/operations.md.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Shop:Operations";

    /// <summary>
    /// Off by default: /metrics answers only a scraper on this machine that talks to the instance directly (loopback,
    /// no proxy's forwarding header), so shoppers coming through the load balancer never see it. On for a scraper on
    /// another machine, behind a network that keeps shoppers out.
    /// </summary>
    public bool MetricsFromAnyAddress { get; set; }

    /// <summary>For the capacity benchmark only: POST /diagnostics/memory forces a full collection (see MemoryEndpoint).</summary>
    public bool MemoryEndpoint { get; set; }

    /// <summary>An OTLP collector (e.g. http://localhost:4317) to send traces to; none by default, and then no spans are exported.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
