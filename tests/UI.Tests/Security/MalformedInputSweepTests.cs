using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ECommerce.UI.Tests.Security;

/// <summary>
/// Every page and endpoint the storefront maps, with hostile values in every route value, every query parameter
/// the pages read, every form field and in cookies and headers: no answer is a 500, and the database is the same
/// afterwards as before.
/// </summary>
[Collection(DevelopmentStorefrontCollection.Name)]
public sealed class MalformedInputSweepTests(DevelopmentStorefront shop, ITestOutputHelper output)
{
    /// <summary>The values tried in each place (also listed in docs/security.md).</summary>
    public static readonly string[] Hostile =
    [
        "", " ", "'", "\"><script>alert(1)</script>", "-1", "0", "2147483648", "99999999999999999999999", "1e309", "NaN",
        "%00", "%ZZ", "../../../../etc/passwd", "//evil.example", "javascript:alert(1)", "한글", "\u202e", "null", "true",
        new string('9', 3000),
    ];

    /// <summary>Every query parameter a page reads ([SupplyParameterFromQuery]) and the account pages' ReturnUrl.</summary>
    private static readonly string[] QueryNames =
        ["amount", "category", "coupon", "instock", "low", "max", "min", "order", "page", "paid", "q", "sort", "status", "ReturnUrl"];

    private static readonly string[] FormFields =
        ["Input.Email", "Input.Password", "Input.ConfirmPassword", "Input.RememberMe", "ReturnUrl", "returnUrl", "_handler", "__RequestVerificationToken"];

    [Fact]
    public async Task No_malformed_request_answers_500_or_changes_the_database()
    {
        using var visitor = shop.CreateBrowser();
        using var shopper = shop.CreateBrowser();
        using var admin = shop.CreateBrowser();
        await SignInAsync(shopper, "shopper@example.com", "Shopper123!");
        await SignInAsync(admin, "admin@example.com", "Admin123!");
        var routes = Routes();
        var before = await QuietSnapshotAsync();

        var failures = new List<string>();
        var sent = 0;
        foreach (var route in routes)
        {
            var client = route.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? admin : shopper;
            foreach (var value in Hostile)
            {
                var url = Fill(route, value) + "?" + string.Join("&", QueryNames.Select(n => $"{n}={Uri.EscapeDataString(value)}"));
                await ExpectNo500Async(client, HttpMethod.Get, url, null, failures);
                await ExpectNo500Async(visitor, HttpMethod.Get, url, null, failures);
                await ExpectNo500Async(client, HttpMethod.Post, Fill(route, value), FormOf(value), failures);
                sent += 3;
            }
        }

        foreach (var value in Hostile)
        {
            await ExpectNo500Async(shopper, HttpMethod.Post, "/Account/Logout", FormOf(value), failures);
            await ExpectNo500Async(visitor, HttpMethod.Get, "/", null, failures, request =>
            {
                request.Headers.TryAddWithoutValidation("Cookie", $".AspNetCore.Identity.Application={value}; .AspNetCore.Antiforgery.x={value}");
                request.Headers.TryAddWithoutValidation("Accept-Language", value);
                request.Headers.TryAddWithoutValidation("Referer", value);
            });
            await ExpectNo500Async(visitor, HttpMethod.Post, "/Account/Login", new StringContent(value, Encoding.UTF8, "application/x-www-form-urlencoded"), failures);
            await ExpectNo500Async(visitor, HttpMethod.Post, "/Account/Logout", new StringContent(value, Encoding.UTF8, "application/json"), failures);
            sent += 4;
        }

        output.WriteLine($"{routes.Count} routes, {Hostile.Length} values each, {sent} requests; failures: {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Every page and endpoint, as its route template (files and Blazor's own endpoints left out).</summary>
    private List<string> Routes() => shop.Services.GetServices<EndpointDataSource>()
        .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(r => !r.Contains('.', StringComparison.Ordinal) && !r.StartsWith("/_", StringComparison.Ordinal))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order()
        .ToList();

    private static string Fill(string route, string value) =>
        System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", _ => Uri.EscapeDataString(value.Length == 0 ? "x" : value));

    private static FormUrlEncodedContent FormOf(string value) =>
        new(FormFields.Select(f => KeyValuePair.Create(f, value)));

    private static async Task ExpectNo500Async(HttpClient client, HttpMethod method, string url, HttpContent? content,
        List<string> failures, Action<HttpRequestMessage>? decorate = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        decorate?.Invoke(request);
        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{method} {url[..Math.Min(url.Length, 200)]} → {(int)response.StatusCode}");
        }
    }

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await AccountForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A snapshot once the shop's own background work (delivering the seeded orders) has settled.</summary>
    private async Task<string> QuietSnapshotAsync()
    {
        var previous = await SnapshotAsync();
        for (var round = 0; round < 30; round++)
        {
            await Task.Delay(500);
            var current = await SnapshotAsync();
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        throw new InvalidOperationException("The database kept changing on its own.");
    }

    /// <summary>A hash of every row of every table.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={shop.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes($"{table}|{reader.GetValue(i)}|"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
