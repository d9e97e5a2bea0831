using ECommerce.Domain.Common;
using ECommerce.Storefront.Api;

namespace ECommerce.Api.Tests.Contract;

[Collection(ApiCollection.Name)]
public sealed class ErrorTests(ApiFactory shop)
{
    [Fact]
    public void Every_domain_error_code_has_its_status_in_the_one_mapping()
    {
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            Assert.True(ApiProblems.StatusOf.ContainsKey(code), $"{code} has no status");
            Assert.InRange(ApiProblems.StatusOf[code], 400, 503);
        }

        Assert.Equal(402, ApiProblems.StatusOf[ErrorCode.InsufficientBalance]);
        Assert.Equal(409, ApiProblems.StatusOf[ErrorCode.CouponSoldOut]);
        Assert.Equal(404, ApiProblems.StatusOf[ErrorCode.NotYours]);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/orders/abc")]
    [InlineData("/api/products/1/2/3")]
    public async Task An_unknown_api_route_is_a_404_problem_not_the_html_page(string path)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var response = await shopper.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "RouteNotFound");
    }

    [Fact]
    public async Task An_unknown_route_is_404_json_even_without_signing_in()
    {
        using var http = shop.CreateClient();
        using var response = await http.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        // No route means no endpoint to ask for a token: a 404 rather than a 401.
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "RouteNotFound");
    }

    [Theory]
    [InlineData("DELETE", "/api/orders")]
    [InlineData("PUT", "/api/wallet")]
    [InlineData("PATCH", "/api/wallet/charges")]
    [InlineData("GET", "/api/wallet/charges")]
    [InlineData("GET", "/api/orders/12/payment")]
    public async Task A_wrong_method_is_a_405_problem(string method, string path)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await shopper.Http.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_is_a_415_problem_and_changes_nothing(string contentType)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var before = await shop.FingerprintAsync();
        using var content = new StringContent("amount=5", System.Text.Encoding.UTF8, contentType);
        using var response = await shopper.Http.PostAsync(new Uri("/api/wallet/charges", UriKind.Relative), content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task An_oversize_body_is_a_413_problem_and_changes_nothing()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var before = await shop.FingerprintAsync();
        var lines = string.Join(",", Enumerable.Repeat("{\"productId\":1,\"quantity\":1}", 5_000));
        using var content = new StringContent($"{{\"lines\":[{lines}]}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await shopper.Http.PostAsync(new Uri("/api/orders", UriKind.Relative), content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("", "The Idempotency-Key header is empty: send a key, or leave the header out.")]
    [InlineData("   ", "The Idempotency-Key header is empty: send a key, or leave the header out.")]
    [InlineData("a\u0001b", "The Idempotency-Key may not hold control characters.")]
    [InlineData(null, "The Idempotency-Key is longer than 100 characters.")]
    public async Task A_key_that_is_empty_too_long_or_with_control_characters_is_400_and_charges_nothing(string? key, string message)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/wallet/charges", UriKind.Relative))
        {
            Content = JsonContent.Create(new { amount = 1_000 }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? new string('k', 101));
        using var response = await shopper.Http.SendAsync(request);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Equal(message, problem.GetProperty("detail").GetString());
        Assert.Equal(0, await shopper.BalanceAsync());
    }

    [Fact]
    public async Task A_huge_order_id_or_page_is_answered_without_a_500()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var order = await shopper.GetAsync("/api/orders/2147483647");
        await order.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
        using var page = await shopper.GetAsync("/api/orders?page=2147483647&pageSize=2147483647");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var tooBig = await shopper.GetAsync("/api/orders/99999999999");
        await tooBig.AssertProblemAsync(HttpStatusCode.NotFound, "RouteNotFound");
    }
}
