using System.Text.Json.Serialization;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace ECommerce.Storefront.Api;

/// <summary>
/// The JSON API beside the pages (see docs/api.md): bearer tokens only (no cookie reaches it, so no cross-site
/// request can act), problem details for every failure, rate limits, an OpenAPI document and its reference page.
/// </summary>
public static class ApiRegistration
{
    public const string ShopperPolicy = "api-shopper";
    public const string AdminPolicy = "api-admin";

    public static IServiceCollection AddShopApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        // After the scheme's own configuration has made the Data Protection format: access tokens read once per
        // token, not once per request (refresh tokens keep their own format and the security stamp check).
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<TimeProvider>((bearer, clock) =>
                bearer.BearerTokenProtector = new ValidatedBearerTickets(bearer.BearerTokenProtector, clock));
        services.AddAuthorizationBuilder()
            .AddPolicy(ShopperPolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(ShopRoles.Admin));

        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            // Enums by name both ways; a number for an enum is refused rather than taken as an undefined value.
            json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            json.Converters.Add(new UtcDateTimeConverter());
            // A missing or null required field is a 400, not a zero or null handed to the domain.
            json.RespectNullableAnnotations = true;
            json.RespectRequiredConstructorParameters = true;
            // A number is a JSON number ("100" in quotes is refused), and a field given twice is refused rather than
            // the last one silently winning: what the shop acts on is what the client plainly wrote.
            json.NumberHandling = JsonNumberHandling.Strict;
            json.AllowDuplicateProperties = false;
            // A field the contract does not have is refused, not skipped: "couponCode" where the contract says
            // "couponId" would otherwise place the order without the coupon the shopper meant.
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddProblemDetails();
        services.AddApiRateLimits(configuration);
        services.AddScoped<Idempotency>();
        services.AddScoped<AdminAccount>();
        services.AddSingleton<ApiRouteMethods>();
        services.AddShopOpenApi();
        return services;
    }

    /// <summary>Before authentication: the API's failures become JSON on their way out.</summary>
    public static IApplicationBuilder UseShopApiErrors(this IApplicationBuilder app) => app.UseApiErrorResponses();

    /// <summary>After authorization: the shopper is known, so claims are limited per shopper.</summary>
    public static IApplicationBuilder UseShopApiLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    public static WebApplication MapShopApi(this WebApplication app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(ShopperPolicy)
            .WithMetadata(new ApiBodySizeLimit())
            .RefusesLikeEveryEndpoint();
        api.MapPing().MapAuth().MapProducts().MapWallet().MapCoupons().MapOrders().MapAdmin();

        app.MapOpenApi().AllowAnonymous();
        // The reference page and its script come from the Scalar package itself: no CDN.
        app.MapScalarApiReference(ContentSecurityPolicy.ApiReferencePath, options => options.WithTitle("ECommerce API")).AllowAnonymous();
        return app;
    }
}
