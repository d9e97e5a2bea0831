using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ECommerce.UI.Tests.Support;

/// <summary>
/// Renders one component with bunit, for tests that only read what a component shows for given parameters, and
/// returns its markup as a document. Tests that act on a component use <see cref="ShopContext"/>.
/// </summary>
public static class ComponentRenderer
{
    public static async Task<IDocument> RenderAsync<TComponent>(IDictionary<string, object?> parameters,
        Action<IServiceCollection>? configure = null)
        where TComponent : IComponent
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(TimeProvider.System);
        configure?.Invoke(context.Services);
        // As in a circuit (after the services: the renderer builds them), so that a component with a lighter prerender
        // (NumberBox) renders its interactive parts.
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var rendered = context.Render<TComponent>(builder =>
        {
            builder.OpenComponent(0, typeof(TComponent));
            foreach (var (name, value) in parameters)
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        });
        return new HtmlParser().ParseDocument(rendered.Markup);
    }
}
