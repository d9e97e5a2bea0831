using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Api.Tests.Support;

/// <summary>A signed-in API client: an account (new or a demo one) and an HttpClient carrying its bearer token.</summary>
public sealed class ApiShopper(HttpClient http, string id, string email) : IDisposable
{
    public HttpClient Http { get; } = http;
    public string Id { get; } = id;
    public string Email { get; } = email;

    /// <summary>A fresh account, so the test owns its wallet, coupons and orders; signed in through POST /api/auth/login.</summary>
    public static async Task<ApiShopper> SignUpAsync(ApiFactory shop, long balance = 0, string? role = null)
    {
        var email = $"api-{Guid.NewGuid():N}@example.com";
        string id;
        using (var scope = shop.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, DemoLogins.NewShopperPassword));
            if (role is not null)
            {
                Check(await users.AddToRoleAsync(user, role));
            }

            id = user.Id;
        }

        var shopper = await SignInAsync(shop, email, DemoLogins.NewShopperPassword, id);
        if (balance > 0)
        {
            using var charged = await shopper.Http.PostAsJsonAsync("/api/wallet/charges", new { amount = balance });
            charged.EnsureSuccessStatusCode();
        }

        return shopper;
    }

    public static async Task<ApiShopper> SignInAsync(ApiFactory shop, string email, string password, string id = "")
    {
        var http = shop.CreateClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await login.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return new ApiShopper(http, id, email);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<long> BalanceAsync() => (await GetJsonAsync("/api/wallet")).GetProperty("balance").GetInt64();

    public void Dispose() => Http.Dispose();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
