namespace ECommerce.Storefront.Api;

/// <summary>A use case's result as an HTTP answer: the value, or its refusal as problem details.</summary>
public static class ApiResults
{
    public static IResult Ok<T>(HttpContext http, Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : ApiProblems.For(http, result.Error);

    public static IResult Created<T>(HttpContext http, Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : ApiProblems.For(http, result.Error);

    /// <summary>The refusals an endpoint can answer, besides 401, 429 and 503 that every protected endpoint can.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }

    /// <summary>What every endpoint behind the API's gate may answer: not signed in, too many requests, too busy.</summary>
    public static RouteGroupBuilder RefusesLikeEveryEndpoint(this RouteGroupBuilder group, bool signedIn = true)
    {
        if (signedIn)
        {
            group.ProducesProblem(StatusCodes.Status401Unauthorized);
        }

        return group.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// A paging value from the query: absent means the first page or the default size; the domain clamps the rest.
    /// </summary>
    public static (int Page, int Size) Paging(int? page, int? pageSize, int defaultSize = 20) => (page ?? 1, pageSize ?? defaultSize);

    /// <summary>A time from the query is UTC unless it names its offset.</summary>
    public static DateTime? AsUtc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        { } known => known.ToUniversalTime(),
    };

    /// <summary>An enum named in the query, by name in any case; a number or an unknown name is a clear 400.</summary>
    public static bool TryParseName<TEnum>(string? text, out TEnum? value, out ShopError? error) where TEnum : struct, Enum
    {
        (value, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!char.IsDigit(text.Trim()[0]) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = ShopError.Invalid($"\"{text}\" is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return false;
    }
}
