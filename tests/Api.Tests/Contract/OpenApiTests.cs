using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Api.Tests.Contract;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFactory shop)
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var http = shop.CreateClient();
        return JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
    }

    /// <summary>Every API route the app really maps, as "METHOD /path" with the route constraints left out.</summary>
    private List<string> MappedRoutes()
    {
        var sources = shop.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+}", "}")}"))
            .Distinct()
            .Order()
            .ToList();
    }

    [Fact]
    public async Task The_document_lists_every_api_endpoint()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name.TrimEnd('/')}"))
            .Order()
            .ToList();

        var mapped = MappedRoutes();
        Assert.True(mapped.Count == 24, string.Join("\n", mapped)); // the routes of docs/api.md
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task Every_operation_lists_its_success_and_failure_answers_with_examples()
    {
        var document = await DocumentAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name} {path.Name}";
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
                Assert.True(responses.Keys.Any(k => k.StartsWith('2')), $"{name} has no success answer");
                Assert.True(responses.ContainsKey("503"), $"{name} does not say it can be too busy");
                var anonymous = path.Name is "/api/ping" or "/api/auth/login" or "/api/auth/refresh";
                Assert.True(anonymous || responses.ContainsKey("401"), $"{name} does not list 401");
                foreach (var (status, response) in responses.Where(r => r.Key != "200" || r.Value.TryGetProperty("content", out _)))
                {
                    if (status.StartsWith('4') || status.StartsWith('5'))
                    {
                        var problem = response.GetProperty("content").GetProperty("application/problem+json");
                        Assert.True(problem.TryGetProperty("example", out var example), $"{name} {status} has no example");
                        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example.GetProperty("status").GetInt32());
                        Assert.False(string.IsNullOrEmpty(example.GetProperty("code").GetString()));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("/api/orders", "post", "201")]
    [InlineData("/api/orders/{id}/payment", "post", "402")]
    [InlineData("/api/coupons/claim", "post", "409")]
    [InlineData("/api/coupons/claim", "post", "429")]
    [InlineData("/api/wallet/charges", "post", "422")]
    [InlineData("/api/admin/stock", "get", "403")]
    public async Task Key_answers_are_documented(string path, string method, string status)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} lacks {status}");
    }

    [Fact]
    public async Task Request_and_answer_shapes_carry_examples_and_the_idempotency_header_is_documented()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var shape in new[] { "PlaceOrderRequest", "OrderView", "PaymentReceipt", "ChargeRequest", "MyCoupon", "ProductSummary", "TokenView" })
        {
            Assert.True(schemas.GetProperty(shape).TryGetProperty("examples", out var examples) && examples.GetArrayLength() > 0,
                $"{shape} has no example");
        }

        var place = document.GetProperty("paths").GetProperty("/api/orders").GetProperty("post");
        Assert.Contains(place.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Contains("minor units", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served_by_the_app_itself_without_a_cdn()
    {
        using var http = shop.CreateClient();
        var page = await http.GetStringAsync(new Uri("/api-reference/", UriKind.Relative));
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.DoesNotContain("//", src, StringComparison.Ordinal));
        var sizes = new List<int>();
        foreach (var src in scripts)
        {
            using var script = await http.GetAsync(new Uri(new Uri(http.BaseAddress!, "/api-reference/"), src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            sizes.Add((await script.Content.ReadAsByteArrayAsync()).Length);
        }

        // The reference itself (megabytes of script) comes from the package, not from a CDN.
        Assert.Contains(sizes, size => size > 500_000);
    }

    /// <summary>The page starts itself with an inline module script without a nonce: its policy must let that run, and no other page's.</summary>
    [Fact]
    public async Task The_reference_page_s_policy_lets_its_inline_start_script_run_and_only_that_page_s()
    {
        using var http = shop.CreateClient();
        using var reference = await http.GetAsync(new Uri("/api-reference/", UriKind.Relative));
        using var ping = await http.GetAsync(new Uri("/api/ping", UriKind.Relative));
        var page = await reference.Content.ReadAsStringAsync();

        Assert.Contains("<script type=\"module\">", page, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'unsafe-inline'", reference.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", ping.Headers.GetValues("Content-Security-Policy").Single().Split("style-src")[0], StringComparison.Ordinal);
        // JSON carries no script: the API's policy allows the shop's own script files and nothing inline, not even by nonce.
        Assert.Contains("script-src 'self';", ping.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
