using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;

namespace ECommerce.E2E.Security;

/// <summary>Storefront processes as operators start them: two at once on a fresh database, and one with a certificate.</summary>
public sealed class StorefrontStartupTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _folder = Directory.CreateTempSubdirectory("storefront-startup-").FullName;

    [Fact]
    public async Task Two_storefronts_started_at_the_same_moment_on_a_fresh_database_both_serve()
    {
        await using var first = StorefrontInstance.Start(_folder);
        await using var second = StorefrontInstance.Start(_folder);

        await Task.WhenAll(first.WaitUntilServingAsync(StartTimeout), second.WaitUntilServingAsync(StartTimeout));

        // Seeded once: one admin role, one demo shopper, one of each demo product.
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "shop.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = 'SHOPPER@EXAMPLE.COM'"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM (SELECT Name FROM Products GROUP BY Name HAVING COUNT(*) > 1)"));
    }

    [Fact]
    public async Task Given_a_certificate_the_shop_serves_https_with_hsts_and_secure_cookies()
    {
        var certificate = Path.Combine(_folder, "shop.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(certificate, selfSigned.Export(X509ContentType.Pfx, "test"));
        }

        await using var shop = StorefrontInstance.Start(_folder, "https",
            $"--Kestrel:Certificates:Default:Path={certificate}", "--Kestrel:Certificates:Default:Password=test");
        await shop.WaitUntilServingAsync(StartTimeout);
        using var client = shop.CreateClient();

        using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal("max-age=31536000", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.False(login.Headers.Contains("Server"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
