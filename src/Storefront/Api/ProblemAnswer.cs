using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Storefront.Api;

/// <summary>
/// A domain refusal as an answer: the same problem details ASP.NET Core's problem result writes (the trace id
/// last, as its problem details writer adds it), but sent as one block with its Content-Length (see
/// <see cref="ApiErrorResponses.WriteAsync"/>) instead of chunked.
/// </summary>
public sealed class ProblemAnswer(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public ProblemDetails ProblemDetails => problem;

    public int? StatusCode => problem.Status;

    public string ContentType => ApiOutcome.ProblemContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        return ApiErrorResponses.WriteAsync(httpContext, problem);
    }
}
