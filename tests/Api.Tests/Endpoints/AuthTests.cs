using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFactory shop)
{
    [Fact]
    public async Task Login_answers_a_bearer_token_that_opens_the_shoppers_endpoints()
    {
        using var http = shop.CreateClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login",
            new { email = DemoLogins.ShopperEmail, password = DemoLogins.ShopperPassword });
        var token = await login.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("refreshToken").GetString()));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        using var wallet = await http.GetAsync(new Uri("/api/wallet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, wallet.StatusCode);
    }

    [Theory]
    [InlineData(DemoLogins.ShopperEmail, "wrong-password")]
    [InlineData("nobody@example.com", "Shopper123!")]
    public async Task A_wrong_email_or_password_is_401_problem(string email, string password)
    {
        using var http = shop.CreateClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var http = shop.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = "nope" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await http.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = DemoLogins.NewShopperPassword });
        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
        Assert.Contains("locked", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":null,\"password\":\"x\"}")]
    [InlineData("{\"email\":\"\",\"password\":\"\"}")]
    [InlineData("not json")]
    public async Task A_malformed_login_is_400_problem(string body)
    {
        using var http = shop.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var login = await http.PostAsync(new Uri("/api/auth/login", UriKind.Relative), content);
        var problem = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.True(problem.GetProperty("code").GetString() is "MalformedRequest" or "InvalidInput", problem.ToString());
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_pair_and_a_garbage_token_is_401()
    {
        using var http = shop.CreateClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login",
            new { email = DemoLogins.ShopperEmail, password = DemoLogins.ShopperPassword });
        var refreshToken = (await login.ReadJsonAsync()).GetProperty("refreshToken").GetString();

        using var refreshed = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        var token = await refreshed.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        using var wallet = await http.GetAsync(new Uri("/api/wallet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, wallet.StatusCode);

        using var garbage = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" });
        await garbage.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic c2hvcHBlcjpwdw==")]
    public async Task Without_a_valid_bearer_token_the_api_answers_401_json_not_the_sign_in_page(string? authorization)
    {
        using var http = shop.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/orders", UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
    }

    [Fact]
    public async Task Every_protected_api_endpoint_authenticates_with_the_bearer_scheme_only()
    {
        // A sign-in cookie never opens the API, so a page on another site cannot make a signed-in browser act (no CSRF).
        var policies = shop.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>();
        var endpoints = shop.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .ToList();

        Assert.True(endpoints.Count >= 21, $"only {endpoints.Count} protected endpoints");
        foreach (var endpoint in endpoints)
        {
            var names = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.NotEmpty(names);
            foreach (var name in names)
            {
                var policy = await policies.GetPolicyAsync(name!);
                Assert.Equal(["Identity.Bearer"], policy!.AuthenticationSchemes);
            }
        }
    }

    [Fact]
    public async Task Ping_answers_ok_without_signing_in()
    {
        using var http = shop.CreateClient();
        Assert.Equal("{\"ok\":true}", await http.GetStringAsync(new Uri("/api/ping", UriKind.Relative)));
    }
}
