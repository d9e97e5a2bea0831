using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ECommerce.UI.Tests.Support;

/// <summary>
/// The whole storefront in memory over its own temporary SQLite file, seeded with the demo data; or, given a
/// folder, over the database already there, as the same shop started again.
/// </summary>
public sealed class StorefrontFactory : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;

    public StorefrontFactory()
        : this(null)
    {
    }

    /// <summary>Internal: xUnit wants one public constructor on a fixture.</summary>
    internal StorefrontFactory(string? folder)
    {
        _ownsFolder = folder is null;
        _folder = folder ?? Directory.CreateTempSubdirectory("storefront-ui-").FullName;
    }

    public string DatabasePath => Path.Combine(_folder, "shop.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Shop:Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Shop:DataPlatform:Folder", Path.Combine(_folder, "data-platform"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
