using System.Diagnostics;

namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// The domain's spans: a payment from the page or request that asked for it, the group commit that decided it
/// (linked to every command it carried), and each outbox delivery, a child of the span that wrote its message.
/// Exported only when the host configures tracing.
/// </summary>
public static class ShopTracing
{
    public const string SourceName = ShopMetrics.MeterName;

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A W3C traceparent is 55 characters today (version 00); room for a later version's extra fields.</summary>
    internal const int TraceParentMaxLength = 128;

    /// <summary>
    /// The W3C traceparent of the span current now, to store with what it writes for later work (an outbox message):
    /// one string, already formatted by the span; null when nothing is traced, so an untraced payment pays nothing.
    /// </summary>
    internal static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { Length: <= TraceParentMaxLength } id } ? id : null;

    /// <summary>
    /// One delivery of an outbox message, a child of the span that wrote it (<paramref name="traceParent"/>): the
    /// payment's trace then runs from the page through the commit to the data platform. A child, not a link: the
    /// message has exactly one cause, and a trace viewer shows a child in the payment's trace, a link only beside it.
    /// </summary>
    internal static Activity? StartDelivery(string idempotencyKey, string? traceParent)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var payment);
        var delivery = Source.StartActivity("shop.outbox.deliver", ActivityKind.Internal, payment);
        delivery?.SetTag("shop.idempotency_key", idempotencyKey);
        return delivery;
    }

    /// <summary>One batch of a group-committed command, linked to the span of each caller that queued a command in it.</summary>
    internal static Activity? StartCommit<TCommand>(IEnumerable<ActivityContext> callers, int size)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = callers.Where(c => c != default).Select(c => new ActivityLink(c));
        var commit = Source.StartActivity($"shop.commit {typeof(TCommand).Name}", ActivityKind.Internal, parentContext: default, links: links);
        commit?.SetTag("shop.batch_size", size);
        return commit;
    }
}
