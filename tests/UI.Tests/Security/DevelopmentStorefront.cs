using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ECommerce.UI.Tests.Security;

/// <summary>
/// The storefront as the README's <c>dotnet run</c> starts it: the Development environment, where an unhandled
/// exception would show the developer page with its stack trace. A hostile request must not reach that page.
/// </summary>
public sealed class DevelopmentStorefront : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storefront-security-").FullName;

    public string DatabasePath => Path.Combine(_folder, "shop.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Shop:Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Shop:DataPlatform:Folder", Path.Combine(_folder, "data-platform"));
    }

    /// <summary>A client that shows redirects instead of following them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DevelopmentStorefrontCollection : ICollectionFixture<DevelopmentStorefront>
{
    public const string Name = "development storefront";
}
