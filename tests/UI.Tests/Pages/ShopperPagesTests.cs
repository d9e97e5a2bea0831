using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.Pages;

/// <summary>The signed-in shopper's pages, rendered by the server for a real sign-in cookie.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class ShopperPagesTests(StorefrontFactory factory)
{
    [Fact]
    public async Task The_cart_page_shows_lines_totals_and_the_chosen_coupon()
    {
        var (email, shopper) = await factory.NewShopperAsync();
        var lamp = await factory.NewProductAsync(price: 12_500, name: "Hanji Lamp");
        await factory.Get<CartService>().AddAsync(shopper, lamp.Id, 2);
        using var client = await factory.SignedInClientAsync(email);

        var page = await client.GetPageAsync("/cart");

        var line = page.QuerySelector(".cart-lines li")!;
        Assert.Equal("Hanji Lamp", line.QuerySelector(".name")!.TextContent);
        Assert.Equal("₩25,000", line.QuerySelector(".line-total")!.TextContent);
        Assert.Equal("₩25,000", page.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-testid=cart-count]")!.TextContent);
    }

    [Fact]
    public async Task The_checkout_page_shows_the_balance_and_how_much_is_missing()
    {
        var (email, shopper) = await factory.NewShopperAsync();
        var kettle = await factory.NewProductAsync(price: 49_000);
        await factory.Get<CartService>().AddAsync(shopper, kettle.Id, 1);
        await factory.Get<WalletService>().ChargeAsync(shopper, 40_000, "ui-test-charge");
        using var client = await factory.SignedInClientAsync(email);

        var page = await client.GetPageAsync("/checkout");

        Assert.Equal("₩40,000", page.QuerySelector(".place-order [data-testid=balance]")!.TextContent);
        var shortfall = page.QuerySelector(".place-order .short")!;
        Assert.Contains("₩9,000 short", shortfall.TextContent, StringComparison.Ordinal);
        Assert.Equal("wallet?amount=9000", shortfall.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_order_of_someone_else_answers_404_and_shows_nothing_of_it()
    {
        var (_, owner) = await factory.NewShopperAsync();
        var (email, _) = await factory.NewShopperAsync();
        var secret = await factory.NewProductAsync(name: "Secret Gift");
        var order = await factory.Get<OrderService>().PlaceAsync(owner, new PlaceOrder([new CartLine(secret.Id, 1)], null, "secret"));
        using var client = await factory.SignedInClientAsync(email);

        var page = await client.GetNotFoundPageAsync($"/orders/{order.Value!.Id}");

        Assert.DoesNotContain("Secret Gift", page.Body!.TextContent, StringComparison.Ordinal);
        await client.GetNotFoundPageAsync("/orders/999999");
    }

    [Fact]
    public async Task An_order_awaiting_payment_offers_to_pay_or_cancel_with_the_time_left()
    {
        var (email, shopper) = await factory.NewShopperAsync();
        var tea = await factory.NewProductAsync(price: 8_000, name: "Barley Tea");
        var order = (await factory.Get<OrderService>().PlaceAsync(shopper, new PlaceOrder([new CartLine(tea.Id, 3)], null, "pay-later"))).Value!;
        using var client = await factory.SignedInClientAsync(email);

        var page = await client.GetPageAsync($"/orders/{order.Id}");
        var list = await client.GetPageAsync("/orders");

        Assert.Equal($"Order #{order.Id}", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Awaiting payment", page.QuerySelector(".order-status")!.TextContent.Trim());
        Assert.Equal("₩24,000", page.QuerySelector("[data-testid=to-pay]")!.TextContent);
        Assert.Matches(@"Pay within 1[45] min", page.QuerySelector(".deadline")!.TextContent);
        Assert.Contains("Pay ₩24,000", page.QuerySelector(".pay-panel")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("table tbody tr")!;
        Assert.Equal($"orders/{order.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Awaiting payment", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wallet?amount=lots&order=x")]
    [InlineData("/cart?coupon=abc")]
    [InlineData("/orders?page=-1")]
    public async Task Hand_edited_values_in_a_shoppers_url_are_ignored_not_failed(string path)
    {
        var (email, _) = await factory.NewShopperAsync();
        using var client = await factory.SignedInClientAsync(email);

        var page = await client.GetPageAsync(path);

        Assert.NotNull(page.QuerySelector("h1"));
    }
}
