namespace ECommerce.Domain.Common;

/// <summary>
/// Why a use case refused: a code for programs, a sentence for people, and the figures a page needs
/// to help (the missing amount, the product that ran out, the value that changed).
/// </summary>
public sealed record ShopError(ErrorCode Code, string Message)
{
    public long? Shortfall { get; init; }
    public int? ProductId { get; init; }
    public long? CurrentValue { get; init; }

    /// <summary>For a refused form: a message per field, keyed by the name of the command's property.</summary>
    public IReadOnlyDictionary<string, string>? FieldErrors { get; init; }

    public static ShopError Invalid(string message) => new(ErrorCode.InvalidInput, message);

    public static ShopError NotFound(string what, object id) => new(ErrorCode.NotFound, $"{what} {id} was not found.");

    public static ShopError NotYours(string what, object id) =>
        new(ErrorCode.NotYours, $"{what} {id} belongs to another shopper.");

    public static readonly ShopError Busy = new(ErrorCode.Busy,
        "The shop is very busy right now and nothing was changed. Please try again in a moment.");
}
