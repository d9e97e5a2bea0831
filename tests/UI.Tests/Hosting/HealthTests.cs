using System.Net;
using Microsoft.Data.Sqlite;

namespace ECommerce.UI.Tests.Hosting;

/// <summary>The probes a load balancer or an operator asks: alive (the process answers) and ready (its database is usable).</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_started_shop_is_live_and_ready_to_anyone_without_signing_in()
    {
        await using var shop = new StorefrontFactory();
        using var client = shop.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_shop_whose_database_file_is_gone_is_live_but_not_ready()
    {
        await using var shop = new StorefrontFactory();
        using var client = shop.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        // A new empty file takes its place on the next connection: reachable, but without one migration applied.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(shop.DatabasePath)!, "shop.db*"))
        {
            File.Delete(file);
        }

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_shop_that_cannot_reach_its_database_is_not_ready()
    {
        await using var shop = new StorefrontFactory();
        using var client = shop.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        // The database's place becomes a folder: SQLite can neither open nor create a file there. Tried again when the
        // shop's background work made a new file between the two steps.
        for (var attempt = 0; !Directory.Exists(shop.DatabasePath); attempt++)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(shop.DatabasePath)!, "shop.db*"))
            {
                File.Delete(file);
            }

            try
            {
                Directory.CreateDirectory(shop.DatabasePath);
            }
            catch (IOException) when (attempt < 5)
            {
            }
        }

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Directory.Delete(shop.DatabasePath);
    }
}
