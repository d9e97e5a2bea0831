using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ECommerce.UI.Tests.Operations;

/// <summary>
/// The storefront on real Kestrel at a free loopback port (so /metrics sees a real remote address), over the real
/// domain and its own seeded SQLite file, with a data platform that is down.
/// </summary>
public sealed class MetricsShop : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shop-metrics-").FullName;

    public MetricsShop() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Shop:Database:ConnectionString", $"Data Source={Path.Combine(_folder, "shop.db")}");
        // A data platform that never answers (the discard port refuses): paid orders stay in the outbox for its gauges.
        builder.UseSetting("Shop:DataPlatform:Sink", "Http");
        builder.UseSetting("Shop:DataPlatform:Url", "http://127.0.0.1:9/");
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The scrape as Prometheus reads it.</summary>
    public async Task<PrometheusText> ScrapeAsync()
    {
        using var client = CreateClient();
        return PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
