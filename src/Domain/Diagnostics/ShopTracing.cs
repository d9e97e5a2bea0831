using System.Diagnostics;

namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// The domain's spans: a payment from the page or request that asked for it, the group commit that decided it
/// (linked to every command it carried), and each outbox delivery. Exported only when the host configures tracing.
/// </summary>
public static class ShopTracing
{
    public const string SourceName = ShopMetrics.MeterName;

    public static readonly ActivitySource Source = new(SourceName);

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
