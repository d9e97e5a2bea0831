namespace ECommerce.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class AdminTests(ApiFactory shop)
{
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "/api/admin/orders" },
        { "GET", "/api/admin/stock" },
        { "POST", "/api/admin/stock/1/adjustments" },
        { "GET", "/api/admin/campaigns" },
        { "POST", "/api/admin/campaigns" },
        { "GET", "/api/admin/data-platform/messages" },
        { "POST", "/api/admin/data-platform/messages/1/retry" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task A_shopper_gets_403_on_every_admin_route_and_changes_nothing(string method, string path)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var before = await shop.FingerprintAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { delta = 5, reason = "x" });
        }

        using var response = await shopper.Http.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "NotAllowed");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task An_admin_whose_role_was_removed_is_refused_although_the_token_still_says_admin()
    {
        using var admin = await ApiShopper.SignUpAsync(shop, role: "Admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/stock")).StatusCode);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(shop.Services))
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>(scope.ServiceProvider);
            var user = await users.FindByEmailAsync(admin.Email);
            await users.RemoveFromRoleAsync(user!, "Admin");
        }

        using var refused = await admin.GetAsync("/api/admin/stock");
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "NotAllowed");
    }

    [Fact]
    public async Task Orders_filter_by_status_and_shopper()
    {
        using var admin = await shop.AdminAsync();
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 10_000);
        var product = await shop.AddProductAsync(1_000, 5);
        using var placed = await shopper.PostAsync("/api/orders", new { lines = new[] { new { productId = product, quantity = 1 } } });
        using var second = await shopper.PostAsync("/api/orders", new { lines = new[] { new { productId = product, quantity = 1 } } });
        using var paid = await shopper.PostAsync($"/api/orders/{(await second.ReadJsonAsync()).GetProperty("id").GetInt32()}/payment");
        var shopperId = (await placed.ReadJsonAsync()).GetProperty("shopperId").GetString();

        var all = await admin.GetJsonAsync($"/api/admin/orders?shopper={shopperId}");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var paidOnly = await admin.GetJsonAsync($"/api/admin/orders?shopper={shopperId}&status=paid&from=2000-01-01&to=2100-01-01&page=1");
        Assert.Equal("Paid", Assert.Single(paidOnly.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/admin/orders?status=Shipped", "InvalidInput")]
    [InlineData("/api/admin/orders?from=2026-02-01&to=2026-01-01", "InvalidInput")]
    [InlineData("/api/admin/orders?from=yesterday", "MalformedRequest")]
    [InlineData("/api/admin/data-platform/messages?state=Lost", "InvalidInput")]
    [InlineData("/api/admin/stock?low=perhaps", "MalformedRequest")]
    public async Task Bad_admin_filters_are_400(string path, string code)
    {
        using var admin = await shop.AdminAsync();
        using var response = await admin.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Stock_lists_low_products_and_an_adjustment_changes_the_stock_with_its_rules()
    {
        using var admin = await shop.AdminAsync();
        var product = await shop.AddProductAsync(1_000, 1);
        var low = await admin.GetJsonAsync("/api/admin/stock?low=true&pageSize=100");
        Assert.All(low.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("stock").GetInt32() <= 10));

        using var restocked = await admin.PostAsync($"/api/admin/stock/{product}/adjustments", new { delta = 9, reason = "Delivery", expectedStock = 1 });
        Assert.Equal(10, (await restocked.ReadJsonAsync()).GetProperty("stock").GetInt32());

        var before = await shop.FingerprintAsync();
        using var stale = await admin.PostAsync($"/api/admin/stock/{product}/adjustments", new { delta = 1, reason = "Count", expectedStock = 1 });
        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "StockChanged");
        Assert.Equal(10, problem.GetProperty("currentValue").GetInt64());
        using var negative = await admin.PostAsync($"/api/admin/stock/{product}/adjustments", new { delta = -11, reason = "Broken" });
        await negative.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "StockWouldGoNegative");
        using var zero = await admin.PostAsync($"/api/admin/stock/{product}/adjustments", new { delta = 0, reason = "Nothing" });
        await zero.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidInput");
        using var missing = await admin.PostAsync("/api/admin/stock/987654/adjustments", new { delta = 1, reason = "Ghost" });
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Campaigns_are_created_listed_and_a_bad_or_duplicate_one_is_400_with_field_errors()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync(quantity: 3);
        var list = await admin.GetJsonAsync("/api/admin/campaigns?page=1&pageSize=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("code").GetString() == code);

        // The cap of a percent discount and the minimum order are optional: left out, there is none.
        var opens = DateTime.UtcNow;
        using var uncapped = await admin.PostAsync("/api/admin/campaigns", new
        {
            code = $"P{Guid.NewGuid():N}"[..20].ToUpperInvariant(), name = "Ten percent", discountKind = "Percent", discountValue = 10,
            totalQuantity = 5, claimOpensAt = opens, claimClosesAt = opens.AddDays(1), couponValidFor = "1.00:00:00",
        });
        Assert.Equal(HttpStatusCode.Created, uncapped.StatusCode);
        var created = await uncapped.ReadJsonAsync();
        Assert.Equal("10% off", created.GetProperty("discount").GetString());
        Assert.Equal(0, created.GetProperty("minOrderAmount").GetInt64());

        var before = await shop.FingerprintAsync();
        var now = DateTime.UtcNow;
        using var duplicate = await admin.PostAsync("/api/admin/campaigns", new
        {
            code, name = "Again", discountKind = "FixedAmount", discountValue = 1_000, maxDiscount = (long?)null, minOrderAmount = 0,
            totalQuantity = 3, claimOpensAt = now, claimClosesAt = now.AddDays(1), couponValidFor = "1.00:00:00",
        });
        var problem = await duplicate.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidInput");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Code", out _));
        using var invalid = await admin.PostAsync("/api/admin/campaigns", new
        {
            code = "BAD CODE!", name = "", discountKind = "Percent", discountValue = 400, maxDiscount = (long?)null, minOrderAmount = -1,
            totalQuantity = 0, claimOpensAt = now, claimClosesAt = now.AddDays(-1), couponValidFor = "00:00:00",
        });
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidInput");
        using var badKind = await admin.PostAsync("/api/admin/campaigns", new { code = "X", discountKind = "Free" });
        await badKind.AssertProblemAsync(HttpStatusCode.BadRequest, "MalformedRequest");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Data_platform_messages_are_listed_and_retry_refuses_unknown_and_delivered_ones()
    {
        using var admin = await shop.AdminAsync();
        var messages = await admin.GetJsonAsync("/api/admin/data-platform/messages?pageSize=100");
        Assert.True(messages.GetProperty("total").GetInt32() > 0); // the demo data's paid orders

        using var unknown = await admin.PostAsync("/api/admin/data-platform/messages/987654/retry");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");

        var delivered = await WaitForDeliveredAsync(admin);
        using var retryDelivered = await admin.PostAsync($"/api/admin/data-platform/messages/{delivered}/retry");
        await retryDelivered.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidInput");
    }

    private static async Task<long> WaitForDeliveredAsync(ApiShopper admin)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var page = await admin.GetJsonAsync("/api/admin/data-platform/messages?state=Delivered");
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetInt64();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No data-platform message was delivered within 10 s.");
    }
}
