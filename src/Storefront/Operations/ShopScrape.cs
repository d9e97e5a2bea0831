using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace ECommerce.Storefront.Operations;

/// <summary>
/// What /metrics leaves out. .NET 10's Blazor meters time every component type's parameter updates and every event
/// handler (labelled by component type, method and attribute): with MudBlazor's many components that was nine tenths
/// of a 370-460 KB scrape (one histogram of 19 buckets per component type), and no operator alerts on it. The
/// navigation counter, the render batches and everything the shop and ASP.NET Core's hosting report stay.
/// ASP.NET Core's authorization meter goes too: it counts every authorised request by policy and result, which is
/// not among the figures operations reads (requests, circuits, claims, payments, charges, refusals, retries, batch
/// sizes, outbox; a refusal shows as a 401/403 in the request metrics), yet it cost a coupon claim ~3 % of its
/// processor time (docs/performance.md). A dropped instrument is not listened to, so nothing is recorded at all.
/// </summary>
internal static class ShopScrape
{
    public const string AuthorizationMeter = "Microsoft.AspNetCore.Authorization";

    public static MetricStreamConfiguration? Keeps(Instrument instrument) =>
        instrument.Meter.Name == AuthorizationMeter
        || (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
            && (instrument.Name.Contains("update_parameters", StringComparison.Ordinal)
                || instrument.Name.Contains("event_handler", StringComparison.Ordinal)
                || instrument.Name.Contains("handle_event", StringComparison.Ordinal)))
            ? MetricStreamConfiguration.Drop
            : null;
}
