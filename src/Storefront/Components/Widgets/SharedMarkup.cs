using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// Markup that only shows things, written once per distinct value and shared by every circuit: one markup frame in a
/// circuit's render tree instead of the elements, attributes and per-render strings of the same markup. Bounded: a full
/// cache starts again, so values that come and go (stock, prices, pages of a 20,000-product catalog) cannot grow it for good.
/// </summary>
internal sealed class SharedMarkup<TKey>(int mostKept, Func<TKey, string> write) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, RenderFragment> fragments = new();

    public RenderFragment Of(TKey key)
    {
        if (fragments.Count >= mostKept)
        {
            fragments.Clear();
        }

        return fragments.GetOrAdd(key, value =>
        {
            var markup = new MarkupString(write(value));
            return builder => builder.AddContent(0, markup);
        });
    }
}
