using System.Net.Http.Headers;
using ECommerce.Storefront.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ECommerce.Api.Tests.Auth;

/// <summary>
/// With access tokens read once and cached (ValidatedBearerTickets), the API answers every token exactly as before:
/// a known token opens it again and again, the same text altered by one character does not, and an account whose
/// security stamp changed (signing out of the pages, a new password) can no longer refresh.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TicketCacheTests(ApiFactory shop)
{
    [Fact]
    public async Task A_token_answers_every_time_and_an_altered_copy_of_it_is_401()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        for (var i = 0; i < 3; i++)
        {
            using var wallet = await shopper.GetAsync("/api/wallet");
            Assert.Equal(HttpStatusCode.OK, wallet.StatusCode);
        }

        var bearer = shop.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        Assert.True(Assert.IsType<ValidatedBearerTickets>(bearer.BearerTokenProtector).Count > 0);

        var token = shopper.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var middle = token.Length / 2;
        var altered = string.Concat(token[..middle], token[middle] == 'A' ? "B" : "A", token[(middle + 1)..]);
        using var http = shop.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", altered);
        using var refused = await http.GetAsync(new Uri("/api/wallet", UriKind.Relative));
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
    }

    [Fact]
    public async Task Each_request_is_its_own_shopper_even_with_many_tokens_cached()
    {
        using var first = await ApiShopper.SignUpAsync(shop, balance: 1_000);
        using var second = await ApiShopper.SignUpAsync(shop, balance: 2_000);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var shopper = i % 2 == 0 ? first : second;
            using var wallet = await shopper.GetAsync("/api/wallet");
            return (shopper, (await wallet.ReadJsonAsync()).GetProperty("balance").GetInt64());
        }));

        Assert.All(answers, a => Assert.Equal(a.shopper == first ? 1_000 : 2_000, a.Item2));
    }

    [Fact]
    public async Task After_the_security_stamp_changes_a_cached_sessions_refresh_token_is_refused()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var http = shop.CreateClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = DemoLogins.NewShopperPassword });
        var tokens = await login.ReadJsonAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        using (var wallet = await http.GetAsync(new Uri("/api/wallet", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, wallet.StatusCode);
        }

        // What signing out of the pages does (AccountEndpoints): a new stamp ends the account's sessions.
        using (var scope = shop.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync(shopper.Email);
            Assert.True((await users.UpdateSecurityStampAsync(user!)).Succeeded);
        }

        using var refresh = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
    }
}
