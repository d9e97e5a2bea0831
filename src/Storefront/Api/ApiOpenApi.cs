using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ECommerce.Storefront.Api;

/// <summary>The OpenAPI document at /openapi/v1.json: every route with its answers, an example for each shape, the bearer scheme.</summary>
public static class ApiOpenApi
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddShopOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        // Only the API: the pages and the account forms are not part of it.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ECommerce API";
            document.Info.Description =
                "The shop's JSON API. Money is in integer minor units (won), times are UTC. Sign in with POST /api/auth/login and " +
                "send the access token as \"Authorization: Bearer <token>\". Charge, place and pay accept an Idempotency-Key header. " +
                "Every failure is problem details (RFC 9457) with timestamp, status, error, message, path and a machine-readable code.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/login or /api/auth/refresh.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (context.JsonPropertyInfo is null && ApiExamples.For(type) is { } example)
            {
                var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                schema.Examples = [JsonSerializer.SerializeToNode(example, type, json)!];
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            // Problem details share one schema; its example shows the fields every failure carries.
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response.Content?.TryGetValue("application/problem+json", out var problem) == true && problem is OpenApiMediaType media)
                {
                    media.Example = ProblemExample(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return Task.CompletedTask;
        });
    });

    private static JsonObject ProblemExample(int status)
    {
        var (code, message) = ApiExamples.Refusal(status);
        var error = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        var example = new JsonObject
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = error,
            ["status"] = status,
            ["detail"] = message,
            ["instance"] = "/api/orders/42/payment",
            ["timestamp"] = "2026-11-30T12:00:00Z",
            ["error"] = error,
            ["message"] = message,
            ["path"] = "/api/orders/42/payment",
            ["code"] = code,
        };
        if (status == StatusCodes.Status402PaymentRequired)
        {
            example["shortfall"] = 12_000;
        }

        return example;
    }
}
