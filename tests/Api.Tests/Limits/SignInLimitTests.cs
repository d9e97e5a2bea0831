namespace ECommerce.Api.Tests.Limits;

public sealed class SignInLimitTests(SignInLimitShop shop) : IClassFixture<SignInLimitShop>
{
    [Fact]
    public async Task Sign_ins_past_the_addresss_limit_are_429_even_with_the_right_password()
    {
        using var http = shop.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 10 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last?.Dispose();
            last = await http.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.ShopperEmail, password = "wrong" });
        }

        using (last)
        {
            await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RateLimited");
            Assert.True(last!.Headers.RetryAfter is not null);
        }

        using var right = await http.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.AdminEmail, password = DemoLogins.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}
