using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Api;

/// <summary>
/// Says which part of a request the binder could not read and what that part takes, instead of one sentence for
/// every unreadable body: "The field lines[0].quantity could not be read: it takes a whole number no larger than
/// 2,147,483,647, written with digits only (no decimal point, exponent or quotes)." Built from what the framework's
/// <see cref="BadHttpRequestException"/> carries (the JSON path of a <see cref="JsonException"/>, the parameter of a
/// query value) and the endpoint's own types, so the message follows the contract as it changes.
/// </summary>
public static partial class UnreadableRequests
{
    private const string Fallback =
        "The request could not be read: check that the body is JSON of the documented shape and that route and query values have the right type.";

    public static ProblemDetails Describe(HttpContext http, BadHttpRequestException refused) =>
        refused.StatusCode == StatusCodes.Status400BadRequest
            ? ApiProblems.Create(http, StatusCodes.Status400BadRequest, ApiProblems.MalformedRequest, Explain(http, refused) ?? Fallback)
            : ApiErrorResponses.DescribeStatus(http, refused.StatusCode);

    public static ProblemDetails DescribeUnknown(HttpContext http) =>
        ApiProblems.Create(http, StatusCodes.Status400BadRequest, ApiProblems.MalformedRequest, Fallback);

    private static string? Explain(HttpContext http, BadHttpRequestException refused)
    {
        if (refused.InnerException is JsonException json)
        {
            return ExplainBody(http, json);
        }

        if (QueryValue().Match(refused.Message) is { Success: true } query)
        {
            var name = query.Groups["name"].Value;
            var value = Shorten(query.Groups["value"].Value);
            var type = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                .FirstOrDefault(p => p.Name == name)?.ParameterType;
            return type is null
                ? $"The value \"{value}\" of {name} could not be read."
                : $"The value \"{value}\" of {name} could not be read: it takes {Expected(type)}.";
        }

        return NoBody().IsMatch(refused.Message)
            ? "The request has no body: send JSON of the documented shape (see /openapi/v1.json) with Content-Type: application/json."
            : null;
    }

    private static string ExplainBody(HttpContext http, JsonException refused)
    {
        if (refused.InnerException is JsonException)
        {
            // The reader's own failure: not JSON at all, whatever the shape asked.
            return $"The body is not valid JSON (line {refused.LineNumber + 1}, character {refused.BytePositionInLine + 1}): check the quotes, commas and brackets there.";
        }

        var path = refused.Path ?? "$";
        var field = path is "$" ? "the body" : $"the field {path[2..]}";
        if (MissingFields().Match(refused.Message) is { Success: true } missing)
        {
            return $"{Capitalised(field)} lacks {missing.Groups["names"].Value.Replace("'", "", StringComparison.Ordinal)}: every field the contract marks required must be given.";
        }

        if (UnknownField().Match(refused.Message) is { Success: true } unknown)
        {
            return UnknownFieldMessage(http, path, unknown.Groups["name"].Value);
        }

        if (refused.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Capitalised(field)} is given more than once: give each field once.";
        }

        if (refused.Message.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Capitalised(field)} cannot be null.";
        }

        var type = ContractAt(http, path)?.Type;
        return type is null
            ? $"{Capitalised(field)} could not be read."
            : $"{Capitalised(field)} could not be read: it takes {Expected(type)}.";
    }

    /// <summary>"The body has no field couponCode: it takes lines, couponId.", naming the object that lacks it.</summary>
    private static string UnknownFieldMessage(HttpContext http, string path, string name)
    {
        // The path ends at the unknown field itself: its object is the path before it.
        var at = path.EndsWith($".{name}", StringComparison.Ordinal) ? path[..^(name.Length + 1)]
            : path.EndsWith($"['{name}']", StringComparison.Ordinal) ? path[..^(name.Length + 4)]
            : path;
        var where = at is "$" ? "the body" : $"the object at {at[2..]}";
        var known = ContractAt(http, at)?.Properties.Select(p => p.Name).ToList() ?? [];
        var message = known.Count == 0
            ? $"{Capitalised(where)} has no field {Shorten(name)}."
            : $"{Capitalised(where)} has no field {Shorten(name)}: it takes {string.Join(", ", known)}.";
        // The original design named the user in the body; here the signed-in user is always the one who acts.
        return name.Equals("userId", StringComparison.OrdinalIgnoreCase)
            ? $"{message} The signed-in user is the one who acts: leave userId out."
            : message;
    }

    /// <summary>What the endpoint's contract has at a JSON path such as <c>$.lines[0].quantity</c>, or null when it cannot tell.</summary>
    private static JsonTypeInfo? ContractAt(HttpContext http, string path)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } body)
        {
            return null;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var info = options.GetTypeInfo(body);
        foreach (Match step in PathStep().Matches(path))
        {
            var type = step.Groups["index"].Success
                ? info.ElementType
                : info.Properties.FirstOrDefault(p => p.Name == step.Groups["name"].Value)?.PropertyType;
            if (type is null)
            {
                return null;
            }

            info = options.GetTypeInfo(type);
        }

        return info;
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => $"a whole number no larger than {int.MaxValue:N0}, {DigitsOnly}",
        var t when t == typeof(long) => $"a whole number no larger than {long.MaxValue:N0}, {DigitsOnly}",
        var t when t == typeof(decimal) || t == typeof(double) => "a number",
        var t when t == typeof(string) => "text in double quotes",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "a UTC time such as 2026-12-01T09:00:00Z",
        var t when t == typeof(TimeSpan) => "a duration such as 7.00:00:00 (days.hours:minutes:seconds)",
        { IsEnum: true } t => $"one of {string.Join(", ", Enum.GetNames(t))}, in double quotes",
        var t when t != typeof(string) && t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "a list in [ ]",
        _ => "an object in { } of the documented shape",
    };

    private const string DigitsOnly = "written with digits only (no decimal point, exponent or quotes)";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']+)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownField();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingFields();

    [GeneratedRegex(@"Failed to bind parameter ""\S+ (?<name>\w+)"" from ""(?<value>.*)""")]
    private static partial Regex QueryValue();

    [GeneratedRegex("no body was provided|was not provided from body", RegexOptions.IgnoreCase)]
    private static partial Regex NoBody();
}
