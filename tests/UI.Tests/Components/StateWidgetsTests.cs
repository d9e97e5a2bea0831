using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Components;

/// <summary>The three states every page shows while it cannot show its content yet.</summary>
public sealed class StateWidgetsTests
{
    [Fact]
    public async Task Loading_is_announced_as_a_status()
    {
        var page = await ComponentRenderer.RenderAsync<Loading>(new Dictionary<string, object?> { ["Text"] = "Loading your cart…" });

        Assert.Equal("Loading your cart…", page.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_error_shows_the_shops_sentence_as_an_alert()
    {
        var page = await ComponentRenderer.RenderAsync<ErrorNotice>(new Dictionary<string, object?>
        {
            ["Error"] = PageErrors.LoadFailed("your orders"),
        });

        Assert.Equal("We could not load your orders right now. Please try again in a moment.", page.QuerySelector("[role=alert] .message")!.TextContent);
    }

    [Fact]
    public async Task No_error_renders_nothing()
    {
        var page = await ComponentRenderer.RenderAsync<ErrorNotice>(new Dictionary<string, object?> { ["Error"] = null });

        Assert.Equal("", page.Body!.InnerHtml.Trim());
    }

    [Fact]
    public async Task An_empty_state_says_so_with_its_icon()
    {
        var page = await ComponentRenderer.RenderAsync<EmptyState>(new Dictionary<string, object?>
        {
            ["Icon"] = "shopping_cart", ["Text"] = "Your cart is empty.",
        });

        Assert.Equal("Your cart is empty.", page.QuerySelector(".state-empty p")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg.state-icon"));
    }
}
