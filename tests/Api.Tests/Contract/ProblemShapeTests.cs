namespace ECommerce.Api.Tests.Contract;

/// <summary>
/// The exact shape of the refusals a claim rush answers most: the fields in their order, the content type, and a
/// body sent whole with its length (no chunked encoding), so a client reads one answer from one response.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemShapeTests(ApiFactory shop)
{
    [Fact]
    public async Task A_sold_out_claim_is_a_409_with_the_originals_fields_in_order_and_a_content_length()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync(quantity: 1);
        using var ann = await ApiShopper.SignUpAsync(shop);
        using var bob = await ApiShopper.SignUpAsync(shop);
        using var annClaim = await ann.PostAsync("/api/coupons/claim", new { couponCode = code });
        Assert.Equal(HttpStatusCode.Created, annClaim.StatusCode);

        using var bobClaim = await bob.PostAsync("/api/coupons/claim", new { couponCode = code });
        var problem = await bobClaim.AssertProblemAsync(HttpStatusCode.Conflict, "CouponSoldOut");
        Assert.Equal(
            ["type", "title", "status", "detail", "instance", "timestamp", "error", "message", "path", "code", "traceId"],
            problem.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://httpstatuses.io/409", problem.GetProperty("type").GetString());
        Assert.Equal("Conflict", problem.GetProperty("title").GetString());
        Assert.Equal("Conflict", problem.GetProperty("error").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("message").GetString());
        Assert.Equal("/api/coupons/claim", problem.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        await AssertSentWholeAsync(bobClaim);
    }

    [Fact]
    public async Task A_refusal_kept_for_a_repeat_carries_its_figures_after_the_code()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var refused = await shopper.PostAsync("/api/orders", new { lines = new[] { new { productId = 1, quantity = 0 } } });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidQuantity");
        Assert.Equal(
            ["type", "title", "status", "detail", "instance", "timestamp", "error", "message", "path", "code", "productId"],
            problem.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, problem.GetProperty("productId").GetInt32());
        await AssertSentWholeAsync(refused);
    }

    [Fact]
    public async Task An_unauthenticated_request_is_a_401_with_the_originals_fields_and_a_content_length()
    {
        using var http = shop.CreateClient();
        using var refused = await http.GetAsync(new Uri("/api/wallet", UriKind.Relative));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "Unauthenticated");
        Assert.Equal(
            ["type", "title", "status", "detail", "instance", "timestamp", "error", "message", "path", "code"],
            problem.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Sign in first: send the access token from POST /api/auth/login in the header Authorization: Bearer TOKEN.",
            problem.GetProperty("detail").GetString());
        await AssertSentWholeAsync(refused);
    }

    private static async Task AssertSentWholeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
    }
}
