using ECommerce.Domain.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ECommerce.Storefront.Operations;

/// <summary>Metrics at /metrics, traces when a collector is configured, JSON logs with scopes outside Development.</summary>
public static class OperationsRegistration
{
    public static WebApplicationBuilder AddShopOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(OperationsOptions.Section);
        services.Configure<OperationsOptions>(section);
        services.AddOpenCircuits();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitLogScope>());

        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ShopMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddView(ShopScrape.Keeps)
            // No cached answer: a scraper asks every few seconds, and each scrape should see what happened just before it.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        // Spans cost on every request once a tracer listens; without a collector nobody would read them.
        if (section.Get<OperationsOptions>()?.OtlpEndpoint is { } collector)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ShopTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = collector));
        }

        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object a line, with the request's (RequestId, TraceId) or the circuit's (CircuitId) scope.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }

    /// <summary>The circuit count the metrics and the operations page read.</summary>
    public static IServiceCollection AddOpenCircuits(this IServiceCollection services)
    {
        services.TryAddSingleton<OpenCircuits>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, OpenCircuitCounter>());
        return services;
    }

    /// <summary>/metrics for a scraper allowed by <see cref="MetricsAccess"/>; anyone else gets the shop's not-found page.</summary>
    public static WebApplication UseShopMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => MetricsAccess.IsScrape(http, options));
        return app;
    }
}
