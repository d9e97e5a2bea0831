using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// A component that only shows things and shows the same to everyone, rendered once per distinct content with the
/// framework's <see cref="HtmlRenderer"/> (its own markup, CSS scope attributes included) and shared by every circuit as
/// one markup string: one frame in a circuit's render tree instead of the component, its children and their strings.
/// Bounded like <see cref="SharedMarkup{TKey}"/>: a full cache starts again.
/// </summary>
internal sealed class StaticMarkup<TComponent>(int mostKept) where TComponent : IComponent
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MarkupString>>> rendered = new();

    /// <param name="key">Names the content: equal keys must mean equal parameters.</param>
    public Task<MarkupString> OfAsync(
        string key, Func<IDictionary<string, object?>> parameters, IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        if (rendered.Count >= mostKept)
        {
            rendered.Clear();
        }

        var markup = rendered.GetOrAdd(key, _ => new Lazy<Task<MarkupString>>(() => RenderAsync(parameters(), scopes, logging)));
        if (markup.Value.IsFaulted)
        {
            // A failed render is not kept: the next page renders it again.
            rendered.TryRemove(new KeyValuePair<string, Lazy<Task<MarkupString>>>(key, markup));
        }

        return markup.Value;
    }

    private static async Task<MarkupString> RenderAsync(IDictionary<string, object?> parameters, IServiceScopeFactory scopes, ILoggerFactory logging)
    {
        // Its own scope: the component's services are the app's, never a circuit's (the string outlives the circuit).
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, logging);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new MarkupString(html);
    }
}
