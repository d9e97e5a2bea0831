using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Storefront.Api;

/// <summary>
/// An answer kept as its status and JSON text, so a keyed request can be answered again, byte for byte, later.
/// </summary>
public sealed record ApiOutcome(int StatusCode, string Json)
{
    public const string ProblemContentType = "application/problem+json";

    public static ApiOutcome Of(int statusCode, object body, JsonSerializerOptions json) =>
        new(statusCode, JsonSerializer.Serialize(body, body.GetType(), json));

    /// <summary>A domain refusal, shaped as <see cref="ApiProblems.For"/> shapes it.</summary>
    public static ApiOutcome Refused(HttpContext http, ShopError error, JsonSerializerOptions json)
    {
        var problem = ApiProblems.For(http, error).ProblemDetails;
        return Of(problem.Status ?? StatusCodes.Status400BadRequest, problem, json);
    }

    /// <summary>Whether a repeat should get this again: yes for an answer and a refusal, no for "busy, try again".</summary>
    public bool IsFinal => StatusCode is < 500 and not StatusCodes.Status429TooManyRequests;

    public ContentHttpResult ToResult() => TypedResults.Content(Json,
        StatusCode >= 400 ? ProblemContentType : "application/json", System.Text.Encoding.UTF8, StatusCode);
}
