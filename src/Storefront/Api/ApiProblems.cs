using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.Storefront.Api;

/// <summary>
/// Every failure of the API as problem details (RFC 9457) that also carry the original design's fields
/// (timestamp, status, error, message, path) and a machine-readable code: the domain's <see cref="ErrorCode"/>
/// name, or one of the codes below for what the HTTP layer refuses before the domain is asked.
/// </summary>
public static class ApiProblems
{
    public const string Unauthenticated = nameof(Unauthenticated);
    public const string MalformedRequest = nameof(MalformedRequest);
    public const string RouteNotFound = nameof(RouteNotFound);
    public const string MethodNotAllowed = nameof(MethodNotAllowed);
    public const string UnsupportedMediaType = nameof(UnsupportedMediaType);
    public const string RequestTooLarge = nameof(RequestTooLarge);
    public const string RateLimited = nameof(RateLimited);
    public const string Overloaded = nameof(Overloaded);
    public const string Unexpected = nameof(Unexpected);

    /// <summary>
    /// The one place a domain refusal becomes a status: 400 the input is wrong, 402 the balance is short, 404 it is
    /// not there or not yours (another shopper's ids are not revealed), 409 it collides with the current state
    /// (sold out, already held, stock), 422 a rule refuses, 403 the account may not, 503 the shop is too busy.
    /// </summary>
    public static readonly FrozenDictionary<ErrorCode, int> StatusOf = new Dictionary<ErrorCode, int>
    {
        [ErrorCode.InvalidInput] = StatusCodes.Status400BadRequest,
        [ErrorCode.NotFound] = StatusCodes.Status404NotFound,
        [ErrorCode.NotYours] = StatusCodes.Status404NotFound,
        [ErrorCode.Busy] = StatusCodes.Status503ServiceUnavailable,
        [ErrorCode.NotAllowed] = StatusCodes.Status403Forbidden,
        [ErrorCode.ChargeNotPositive] = StatusCodes.Status400BadRequest,
        [ErrorCode.ChargeLimitExceeded] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.BalanceCapExceeded] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.IdempotencyKeyReused] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.InsufficientBalance] = StatusCodes.Status402PaymentRequired,
        [ErrorCode.EmptyCart] = StatusCodes.Status400BadRequest,
        [ErrorCode.InvalidQuantity] = StatusCodes.Status400BadRequest,
        [ErrorCode.OutOfStock] = StatusCodes.Status409Conflict,
        [ErrorCode.ProductUnavailable] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.OrderNotAwaitingPayment] = StatusCodes.Status409Conflict,
        [ErrorCode.OrderExpired] = StatusCodes.Status409Conflict,
        [ErrorCode.CouponNotOpenYet] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.CouponClaimClosed] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.CouponSoldOut] = StatusCodes.Status409Conflict,
        [ErrorCode.CouponAlreadyHeld] = StatusCodes.Status409Conflict,
        [ErrorCode.CouponExpired] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.CouponAlreadyUsed] = StatusCodes.Status409Conflict,
        [ErrorCode.CouponReserved] = StatusCodes.Status409Conflict,
        [ErrorCode.CouponBelowMinimumOrder] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.StockWouldGoNegative] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCode.StockChanged] = StatusCodes.Status409Conflict,
    }.ToFrozenDictionary();

    /// <summary>A domain refusal, with the figures it carries (the shortfall of a 402, the product, the current value).</summary>
    public static ProblemAnswer For(HttpContext http, ShopError error)
    {
        error = AsNotFound(error);
        var problem = Create(http, StatusOf.GetValueOrDefault(error.Code, StatusCodes.Status400BadRequest), error.Code.ToString(),
            error.Message);
        AddIfSet(problem, "shortfall", error.Shortfall);
        AddIfSet(problem, "productId", error.ProductId);
        AddIfSet(problem, "currentValue", error.CurrentValue);
        AddIfSet(problem, "errors", error.FieldErrors);
        return new ProblemAnswer(problem);
    }

    public static ProblemDetails Create(HttpContext http, int status, string code, string message)
    {
        var error = ReasonPhrases.GetReasonPhrase(status);
        return new ProblemDetails
        {
            Status = status,
            Title = error,
            Detail = message,
            Instance = http.Request.Path,
            Type = $"https://httpstatuses.io/{status}",
            Extensions =
            {
                ["timestamp"] = DateTime.UtcNow,
                ["error"] = error,
                ["message"] = message,
                ["path"] = http.Request.Path.Value,
                ["code"] = code,
            },
        };
    }

    /// <summary>
    /// Another shopper's order is answered exactly as a missing one: the page may say whose it is, the API does not
    /// even tell that it exists (ids are sequential, so probing them would count the shop's orders).
    /// </summary>
    private static ShopError AsNotFound(ShopError error) => error.Code == ErrorCode.NotYours
        ? error with { Code = ErrorCode.NotFound, Message = error.Message.Replace("belongs to another shopper", "was not found", StringComparison.Ordinal) }
        : error;

    private static void AddIfSet(ProblemDetails problem, string name, object? value)
    {
        if (value is not null)
        {
            problem.Extensions[name] = value;
        }
    }
}
