namespace ECommerce.Api.Tests.Contract;

/// <summary>
/// A request the binder cannot read is refused with what could not be read and what it takes, and changes nothing:
/// an exponent, a number in quotes, a field given twice, a missing field deep in a list, a field the contract lacks,
/// text that is not JSON.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UnreadableRequestTests(ApiFactory shop)
{
    private const string WholeLong = "a whole number no larger than 9,223,372,036,854,775,807, written with digits only (no decimal point, exponent or quotes)";
    private const string WholeInt = "a whole number no larger than 2,147,483,647, written with digits only (no decimal point, exponent or quotes)";

    [Theory]
    [InlineData("/api/wallet/charges", "{\"amount\":1e3}", $"The field amount could not be read: it takes {WholeLong}.")]
    [InlineData("/api/wallet/charges", "{\"amount\":\"1000\"}", $"The field amount could not be read: it takes {WholeLong}.")]
    [InlineData("/api/wallet/charges", "{\"amount\":99999999999999999999}", $"The field amount could not be read: it takes {WholeLong}.")]
    [InlineData("/api/wallet/charges", "{\"amount\":1000,\"amount\":900000}", "The field amount is given more than once: give each field once.")]
    [InlineData("/api/wallet/charges", "{}", "The body lacks amount: every field the contract marks required must be given.")]
    [InlineData("/api/wallet/charges", "[1000]", "The body could not be read: it takes an object in { } of the documented shape.")]
    [InlineData("/api/wallet/charges", "{\"amount\":10", "The body is not valid JSON (line 1, character 13): check the quotes, commas and brackets there.")]
    [InlineData("/api/wallet/charges", "", "The request has no body: send JSON of the documented shape (see /openapi/v1.json) with Content-Type: application/json.")]
    [InlineData("/api/orders", "{\"lines\":[{\"productId\":1,\"quantity\":2.5}]}", $"The field lines[0].quantity could not be read: it takes {WholeInt}.")]
    [InlineData("/api/orders", "{\"lines\":[{\"productId\":1}]}", "The field lines[0] lacks quantity: every field the contract marks required must be given.")]
    [InlineData("/api/orders", "{\"lines\":{\"productId\":1,\"quantity\":1}}", "The field lines could not be read: it takes a list in [ ].")]
    [InlineData("/api/orders", "{\"lines\":null}", "The field lines cannot be null.")]
    [InlineData("/api/coupons/claim", "{\"couponCode\":42}", "The field couponCode could not be read: it takes text in double quotes.")]
    // A field the contract lacks is refused, not skipped: the order would otherwise be placed without the coupon meant.
    [InlineData("/api/orders", "{\"lines\":[{\"productId\":1,\"quantity\":1}],\"couponCode\":\"WELCOME\"}", "The body has no field couponCode: it takes lines, couponId.")]
    [InlineData("/api/orders", "{\"lines\":[{\"productId\":1,\"quantity\":1,\"price\":1}]}", "The object at lines[0] has no field price: it takes productId, quantity.")]
    [InlineData("/api/coupons/claim", "{\"couponCode\":\"WELCOME\",\"userId\":\"someone-else\"}", "The body has no field userId: it takes couponCode. The signed-in user is the one who acts: leave userId out.")]
    public async Task An_unreadable_body_says_which_field_and_what_it_takes_and_changes_nothing(string path, string body, string detail)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 500);
        var before = await shop.FingerprintAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var refused = await shopper.Http.PostAsync(new Uri(path, UriKind.Relative), content);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "MalformedRequest");
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
        Assert.Equal(500, await shopper.BalanceAsync());
    }

    [Theory]
    [InlineData("/api/products?page=abc", $"The value \"abc\" of page could not be read: it takes {WholeInt}.")]
    [InlineData("/api/products?inStock=maybe", "The value \"maybe\" of inStock could not be read: it takes true or false.")]
    [InlineData("/api/admin/orders?from=yesterday", "The value \"yesterday\" of from could not be read: it takes a UTC time such as 2026-12-01T09:00:00Z.")]
    public async Task An_unreadable_query_value_says_which_and_what_it_takes(string path, string detail)
    {
        using var admin = await ApiShopper.SignUpAsync(shop, role: "Admin");
        using var refused = await admin.GetAsync(path);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "MalformedRequest");
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }
}
