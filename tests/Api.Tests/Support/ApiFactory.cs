using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ECommerce.Api.Tests.Support;

/// <summary>
/// The whole storefront on real Kestrel at a free loopback port (so Kestrel's own limits, such as the body size,
/// apply), over the real domain and its own temporary SQLite file seeded with the demo data. Rate limits are high
/// unless a test class asks for low ones.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shop-api-").FullName;

    public ApiFactory() => UseKestrel(0);

    public string DatabasePath => Path.Combine(_folder, "shop.db");

    /// <summary>Settings of this shop: high rate limits, so tests that share it never meet them.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Shop:Api:RateLimits:ClaimsPerShopper"] = "1000",
        ["Shop:Api:RateLimits:SignInsPerAddress"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Shop:Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Shop:DataPlatform:Folder", Path.Combine(_folder, "data-platform"));
        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
