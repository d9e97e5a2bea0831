namespace ECommerce.Domain.Common;

/// <summary>Checks of the inputs every use case shares: who asks, which request, who acts.</summary>
internal static class InputChecks
{
    /// <summary>The shopper id comes from the signed-in user, never from a form; an empty one is a caller's bug or a signed-out visitor.</summary>
    public static ShopError? Shopper(string? shopperId) =>
        string.IsNullOrWhiteSpace(shopperId) ? ShopError.Invalid("Please sign in first.") : null;

    /// <summary>Every stock change records who made it.</summary>
    public static ShopError? Actor(string? actor) =>
        string.IsNullOrWhiteSpace(actor) ? ShopError.Invalid("The change needs the name of whoever makes it.") : null;

    public static ShopError? RequestKey(string? key, string what) => key switch
    {
        _ when string.IsNullOrWhiteSpace(key) => ShopError.Invalid($"The {what} is missing a request key; reload the page and try again."),
        { Length: > 100 } => ShopError.Invalid($"The {what}'s request key is longer than 100 characters."),
        _ => null,
    };
}
