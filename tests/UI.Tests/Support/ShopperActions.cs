using Bunit;
using Microsoft.AspNetCore.Components;

namespace ECommerce.UI.Tests.Support;

/// <summary>What a shopper does on a rendered component, found as a shopper finds it: by label or by the button's words.</summary>
public static class ShopperActions
{
    /// <summary>The input a label names.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var found = cut.FindAll("label").FirstOrDefault(l => l.TextContent.Trim() == label)
            ?? throw new InvalidOperationException($"No field labelled \"{label}\" in:\n{cut.Markup}");
        return cut.Find($"[id='{found.GetAttribute("for")}']");
    }

    /// <summary>The message under a field (its error or helper text).</summary>
    public static string MessageUnder<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var input = cut.Field(label);
        var control = input.Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
    }

    /// <summary>Types into the field a label names (an input event, as each key press sends).</summary>
    public static void Type<T>(this IRenderedComponent<T> cut, string label, string text) where T : IComponent =>
        cut.Field(label).Input(text);

    /// <summary>The button that says <paramref name="words"/> (its text or its accessible name).</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string words) where T : IComponent =>
        cut.FindAll("button, a.mud-button-root").FirstOrDefault(b => b.TextContent.Trim() == words || b.GetAttribute("aria-label") == words)
        ?? throw new InvalidOperationException($"No button \"{words}\" in:\n{cut.Markup}");

    public static bool HasButton<T>(this IRenderedComponent<T> cut, string words) where T : IComponent =>
        cut.FindAll("button, a.mud-button-root").Any(b => b.TextContent.Trim() == words || b.GetAttribute("aria-label") == words);

    /// <summary>Presses a button: a submit button submits its form, as in a browser.</summary>
    public static void Press<T>(this IRenderedComponent<T> cut, string words) where T : IComponent
    {
        var button = cut.Button(words);
        if (button.GetAttribute("type") == "submit" && button.Closest("form") is { } form)
        {
            form.Submit();
        }
        else
        {
            button.Click();
        }
    }
}
