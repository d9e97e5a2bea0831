using Microsoft.JSInterop;

namespace ECommerce.UI.Tests.Support;

/// <summary>Components ask for a JS runtime even when they only render HTML; there is no browser in these tests.</summary>
internal sealed class NoBrowserJSRuntime : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        throw new InvalidOperationException($"No browser here: {identifier} cannot run.");

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}
