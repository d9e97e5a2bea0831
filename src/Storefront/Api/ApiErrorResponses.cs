using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Api;

/// <summary>
/// Under /api every failure is JSON: the sign-in redirect, the HTML status pages and the developer exception page
/// are for browsers. An empty 4xx/5xx (the router's 404 and 405, the binder's 415, the bearer scheme's 401 and 403)
/// gets problem details here; so does the binder's 400 and Kestrel's 413, thrown (<see cref="UnreadableRequests"/>
/// says which value could not be read); an exception is a 500 without its stack trace.
/// </summary>
public static class ApiErrorResponses
{
    public static bool IsApi(this HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    public static IApplicationBuilder UseApiErrorResponses(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api => api.Use(async (http, next) =>
        {
            if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            ProblemDetails? unreadable = null;
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e) when (!http.Response.HasStarted)
            {
                // An unreadable value or an oversize body found while binding it; the client's fault, not the shop's.
                http.Response.Clear();
                unreadable = UnreadableRequests.Describe(http, e);
            }
            catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorResponses))
                    .LogError(e, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            if (http.Response is { HasStarted: false, StatusCode: StatusCodes.Status404NotFound } && http.GetEndpoint() is null
                && http.RequestServices.GetRequiredService<ApiRouteMethods>().AllowedAt(http.Request.Path) is [_, ..] allowed
                && !allowed.Contains(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                http.Response.Headers.Allow = string.Join(", ", allowed);
            }

            if (unreadable is not null)
            {
                await WriteAsync(http, unreadable);
            }
            else if (http.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null, ContentType: null })
            {
                await WriteAsync(http, DescribeStatus(http, http.Response.StatusCode));
            }
        }));

    /// <summary>
    /// Problem details as one block with its Content-Length: serialized to bytes, then headers and body handed to
    /// Kestrel in one write. Written as a JSON stream (WriteAsJsonAsync) the answer was chunked: the headers and body
    /// went out in one send and the terminating chunk in another, two socket sends for every refusal of a claim rush.
    /// </summary>
    public static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(problem, json.GetTypeInfo(typeof(ProblemDetails)));
        var response = http.Response;
        response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        response.ContentType = ApiOutcome.ProblemContentType;
        response.ContentLength = body.Length;
        return response.BodyWriter.WriteAsync(body, http.RequestAborted).AsTask();
    }

    /// <summary>What an empty failure of this status means, in the API's words.</summary>
    public static ProblemDetails DescribeStatus(HttpContext http, int status) => status switch
    {
        StatusCodes.Status400BadRequest => UnreadableRequests.DescribeUnknown(http),
        StatusCodes.Status401Unauthorized => ApiProblems.Create(http, 401, ApiProblems.Unauthenticated,
            http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? "The access token is not valid or has expired: get a new one from POST /api/auth/refresh, or sign in again."
                : "Sign in first: send the access token from POST /api/auth/login in the header Authorization: Bearer TOKEN."),
        StatusCodes.Status403Forbidden => ApiProblems.Create(http, 403, nameof(ErrorCode.NotAllowed),
            "This account may not do this."),
        StatusCodes.Status404NotFound => ApiProblems.Create(http, 404, ApiProblems.RouteNotFound,
            $"There is no API route {http.Request.Path}; see /openapi/v1.json for the routes."),
        StatusCodes.Status405MethodNotAllowed => ApiProblems.Create(http, 405, ApiProblems.MethodNotAllowed,
            $"{http.Request.Method} is not allowed on {http.Request.Path}."),
        StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(http, 413, ApiProblems.RequestTooLarge,
            $"The request body is larger than the API accepts ({ApiLimits.MaxBodyBytes:N0} bytes)."),
        StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(http, 415, ApiProblems.UnsupportedMediaType,
            "Send the body as JSON, with the header Content-Type: application/json."),
        StatusCodes.Status500InternalServerError => ApiProblems.Create(http, 500, ApiProblems.Unexpected,
            "Something went wrong on our side and nothing was changed; please try again."),
        _ => ApiProblems.Create(http, status, ApiProblems.MalformedRequest, "The request was refused."),
    };
}
