using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECommerce.Domain.Requests;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Api;

/// <summary>
/// The Idempotency-Key header of charge, place and pay. Without a key the request simply runs. With one, the
/// first outcome is kept (by the domain's <see cref="IdempotentRequests"/>) and a repeat gets it again, marked by
/// the header "Idempotent-Replayed: true"; the same key for a different request answers 422. Keys are per shopper.
/// Place and pay keep the answer in the command's own transaction (<see cref="RunKeptAsync{T}"/>); charge looks it up
/// and keeps it around the command (<see cref="RunAsync"/>), its wallet key making the charge itself happen once.
/// </summary>
public sealed class Idempotency(IdempotentRequests requests, IOptions<JsonOptions> json)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>
    /// Runs <paramref name="run"/> once per key. <paramref name="operation"/> and <paramref name="request"/> (route
    /// values and body) are what the client asked, compared with a repeat's through their SHA-256.
    /// </summary>
    public async Task<IResult> RunAsync(HttpContext http, string shopperId, string? key, string operation, object request,
        Func<Task<ApiOutcome>> run)
    {
        if (key is null)
        {
            return (await run()).ToResult();
        }

        var fingerprint = Fingerprint(operation, request);
        var first = await requests.FindAsync(shopperId, key, fingerprint, http.RequestAborted);
        if (!first.IsSuccess)
        {
            return ApiProblems.For(http, first.Error);
        }

        if (first.Value is { } earlier)
        {
            return Replay(http, earlier);
        }

        var outcome = await run();
        if (!outcome.IsFinal)
        {
            return outcome.ToResult();
        }

        // A concurrent request with the same key may have been kept first: then its outcome is the answer to both.
        var kept = await requests.RememberAsync(shopperId, key, fingerprint, new RememberedOutcome(outcome.StatusCode, outcome.Json),
            http.RequestAborted);
        if (!kept.IsSuccess)
        {
            return ApiProblems.For(http, kept.Error);
        }

        return kept.Value.Response == outcome.Json ? outcome.ToResult() : Replay(http, kept.Value);
    }

    /// <summary>
    /// For a command that keeps its answer in its own transaction (place, pay): <paramref name="keyed"/> gets the key
    /// with how this endpoint answers an outcome (<paramref name="answer"/>), and the domain decides, keeps and replays in
    /// one go, so two requests under one key never both act. Without a key <paramref name="run"/> simply runs.
    /// </summary>
    public async Task<IResult> RunKeptAsync<T>(HttpContext http, string? key, string operation, object request,
        Func<Result<T>, ApiOutcome> answer, Func<Task<Result<T>>> run, Func<RequestKey<T>, Task<KeyedReply>> keyed)
    {
        if (key is null)
        {
            return answer(await run()).ToResult();
        }

        var requestKey = new RequestKey<T>(key, Fingerprint(operation, request), outcome =>
        {
            var answered = answer(outcome);
            return new KeyedAnswer(new RememberedOutcome(answered.StatusCode, answered.Json), answered.IsFinal);
        });
        var reply = await keyed(requestKey);
        return reply.Replayed ? Replay(http, reply.Outcome) : new ApiOutcome(reply.Outcome.StatusCode, reply.Outcome.Response).ToResult();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Replay(HttpContext http, RememberedOutcome earlier)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        return new ApiOutcome(earlier.StatusCode, earlier.Response).ToResult();
    }

    private string Fingerprint(string operation, object request)
    {
        var text = JsonSerializer.Serialize(request, request.GetType(), Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + text)));
    }
}
