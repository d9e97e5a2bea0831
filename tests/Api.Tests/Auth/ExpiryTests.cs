namespace ECommerce.Api.Tests.Auth;

/// <summary>The access-token cache (ValidatedBearerTickets) never lets a token live past its own expiry.</summary>
public sealed class ExpiryTests(ClockedShop shop) : IClassFixture<ClockedShop>
{
    [Fact]
    public async Task A_token_read_and_cached_is_refused_once_it_expires()
    {
        using var shopper = await ApiShopper.SignInAsync(shop, DemoLogins.ShopperEmail, DemoLogins.ShopperPassword);
        using (var fresh = await shopper.GetAsync("/api/wallet"))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        shop.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var late = await shopper.GetAsync("/api/wallet"))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        shop.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await shopper.GetAsync("/api/wallet");
        var problem = await expired.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
        Assert.Equal("The access token is not valid or has expired: get a new one from POST /api/auth/refresh, or sign in again.",
            problem.GetProperty("detail").GetString());
    }
}
