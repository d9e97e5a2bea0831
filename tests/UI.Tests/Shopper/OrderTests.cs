using Bunit;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Pages.Orders;

namespace ECommerce.UI.Tests.Shopper;

/// <summary>An order's page: paying it, cancelling it (confirmed in a dialog), and its true state after a refusal.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class OrderTests(StorefrontFactory shop) : ShopContext(shop)
{
    private async Task<(string Shopper, OrderView Order)> OrderAsync(long charge)
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(price: 12_000, stock: 10, name: "Moon Jar");
        if (charge > 0)
        {
            await Shop.Get<WalletService>().ChargeAsync(shopper, charge, Guid.NewGuid().ToString("N"));
        }

        var placed = await Shop.Get<OrderService>().PlaceAsync(shopper, new PlaceOrder([new CartLine(product.Id, 2)], null, Guid.NewGuid().ToString("N")));
        return (shopper, placed.Value!);
    }

    private IRenderedComponent<OrderPage> OrderPage(int id)
    {
        var page = RenderInShop<OrderPage>(p => p.Add(o => o.Id, id));
        page.WaitForAssertion(() => Assert.Equal($"Order #{id}", page.Find("h1").TextContent));
        return page;
    }

    private static OrderStatus StatusShown(IRenderedComponent<OrderPage> page) =>
        page.Find(".order-status").TextContent.Trim() switch
        {
            "Awaiting payment" => OrderStatus.AwaitingPayment,
            "Paid" => OrderStatus.Paid,
            "Cancelled" => OrderStatus.Cancelled,
            _ => OrderStatus.Expired,
        };

    [Fact]
    public async Task Paying_shows_the_order_paid_with_the_new_balance_and_a_snackbar()
    {
        var (shopper, order) = await OrderAsync(charge: 30_000);
        var page = OrderPage(order.Id);
        Assert.Contains("UTC", page.Find(".deadline").TextContent, StringComparison.Ordinal);

        page.Press("Pay ₩24,000");

        page.WaitForAssertion(() => Assert.Equal(OrderStatus.Paid, StatusShown(page)));
        Assert.Equal("₩6,000", page.Find("[data-testid=new-balance]").TextContent);
        Assert.False(page.HasButton("Pay ₩24,000"));
        Assert.Contains($"Order #{order.Id} is paid.", Snackbars());
        Assert.Equal(6_000, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
    }

    [Fact]
    public async Task A_short_balance_says_how_much_is_missing_and_links_to_charge_it()
    {
        var (shopper, order) = await OrderAsync(charge: 4_000);
        var page = OrderPage(order.Id);

        page.Press("Pay ₩24,000");

        page.WaitForAssertion(() => Assert.Equal($"wallet?amount=20000&order={order.Id}", page.Find(".error-notice a").GetAttribute("href")));
        Assert.Equal(OrderStatus.AwaitingPayment, StatusShown(page));
        Assert.Equal(4_000, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
    }

    [Fact]
    public async Task Cancelling_asks_first_and_keeping_the_order_changes_nothing()
    {
        var (shopper, order) = await OrderAsync(charge: 0);
        var page = OrderPage(order.Id);

        page.Press("Cancel order");
        Overlays.WaitForAssertion(() => Assert.Contains($"Cancel order #{order.Id}?", Overlays.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Overlays.Press("Keep the order");

        Overlays.WaitForAssertion(() => Assert.Empty(Overlays.FindAll(".mud-dialog")));
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shop.Get<OrderQueries>().GetMyOrderAsync(shopper, order.Id)).Value!.Status);
        Assert.True(page.HasButton("Pay ₩24,000"));
    }

    [Fact]
    public async Task Cancelling_confirmed_cancels_the_order_and_says_so()
    {
        var (shopper, order) = await OrderAsync(charge: 0);
        var page = OrderPage(order.Id);

        page.Press("Cancel order");
        Overlays.WaitForAssertion(() => Overlays.Find(".mud-dialog"));
        Overlays.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel order").Click();

        page.WaitForAssertion(() => Assert.Equal(OrderStatus.Cancelled, StatusShown(page)));
        Assert.Contains("You cancelled this order on", page.Find(".outcome").TextContent, StringComparison.Ordinal);
        Assert.Contains($"Order #{order.Id} is cancelled.", Snackbars());
        Assert.Equal(OrderStatus.Cancelled, (await Shop.Get<OrderQueries>().GetMyOrderAsync(shopper, order.Id)).Value!.Status);
    }

    [Fact]
    public async Task An_order_closed_meanwhile_shows_its_true_state_at_once_without_a_pay_button()
    {
        var (shopper, order) = await OrderAsync(charge: 30_000);
        var page = OrderPage(order.Id);
        // Another tab cancels it while this page still offers to pay.
        await Shop.Get<OrderService>().CancelAsync(shopper, order.Id);

        page.Press("Pay ₩24,000");

        page.WaitForAssertion(() => Assert.Equal(OrderStatus.Cancelled, StatusShown(page)));
        Assert.False(page.HasButton("Pay ₩24,000"));
        Assert.NotEmpty(page.Find(".error-notice .message").TextContent);
        Assert.Equal(30_000, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
    }

    [Fact]
    public async Task The_orders_page_lists_the_shoppers_orders_with_their_status()
    {
        var (_, order) = await OrderAsync(charge: 0);

        var page = RenderInShop<OrdersPage>();

        page.WaitForAssertion(() => Assert.Equal($"Order #{order.Id}", page.Find(".order-list tbody a").TextContent));
        Assert.Equal("Awaiting payment", page.Find(".order-list .order-status").TextContent.Trim());
        Assert.EndsWith("UTC", page.FindAll(".order-list tbody td")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shopper_without_orders_is_pointed_to_the_catalog()
    {
        await SignInNewShopperAsync();

        var page = RenderInShop<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains("You have not ordered anything yet.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("catalog", page.Find(".state-empty a").GetAttribute("href"));
    }
}
