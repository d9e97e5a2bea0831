namespace ECommerce.Domain.Common;

internal static class Shoppers
{
    /// <summary>The shopper id comes from the signed-in user, never from a form; an empty one is a caller's bug or a signed-out visitor.</summary>
    public static ShopError? Check(string? shopperId) =>
        string.IsNullOrWhiteSpace(shopperId) ? ShopError.Invalid("Please sign in first.") : null;

    public static ShopError? CheckRequestKey(string? key, string what) => key switch
    {
        null or "" => ShopError.Invalid($"The {what} is missing a request key; reload the page and try again."),
        { Length: > 100 } => ShopError.Invalid($"The {what}'s request key is longer than 100 characters."),
        _ => null,
    };
}
