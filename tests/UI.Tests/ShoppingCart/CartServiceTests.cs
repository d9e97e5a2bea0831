using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.ShoppingCart;

[Collection(StorefrontCollection.Name)]
public sealed class CartServiceTests(StorefrontFactory factory)
{
    private CartService Cart => factory.Get<CartService>();

    [Fact]
    public async Task A_cart_is_priced_now_with_line_totals_and_units()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var tea = await factory.NewProductAsync(price: 15_000, stock: 5);
        var pot = await factory.NewProductAsync(price: 30_000, stock: 5);

        Assert.Equal(2, (await Cart.AddAsync(shopper, tea.Id, 2)).Value);
        Assert.Equal(3, (await Cart.AddAsync(shopper, pot.Id, 1)).Value);

        var cart = await Cart.GetAsync(shopper);
        Assert.Equal([(tea.Id, 2, 30_000L), (pot.Id, 1, 30_000L)], cart.Lines.Select(l => (l.ProductId, l.Quantity, l.LineTotal)));
        Assert.Equal((60_000, 0, 60_000), (cart.Subtotal, cart.Discount, cart.Total));
        Assert.True(cart.CanCheckOut);
        Assert.Equal(3, await Cart.CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task The_cart_says_how_much_the_balance_lacks_as_the_domain_found_it()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var tea = await factory.NewProductAsync(price: 15_000, stock: 5);
        await Cart.AddAsync(shopper, tea.Id, 1);
        var before = await Cart.GetAsync(shopper);

        await factory.Get<WalletService>().ChargeAsync(shopper, 10_000, Guid.NewGuid().ToString());
        var after = await Cart.GetAsync(shopper);

        Assert.Equal((0L, 15_000L), (before.Balance, before.BalanceShortfall));
        Assert.Equal((10_000L, 5_000L), (after.Balance, after.BalanceShortfall));
    }

    [Fact]
    public async Task Adding_more_than_the_stock_is_refused_with_what_is_left_and_changes_nothing()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var dripper = await factory.NewProductAsync(stock: 3, name: "Little Dripper");
        await Cart.AddAsync(shopper, dripper.Id, 2);

        var added = await Cart.AddAsync(shopper, dripper.Id, 2);

        Assert.Equal(ErrorCode.OutOfStock, added.Error?.Code);
        Assert.Equal("Only 3 of \"Little Dripper\" left and 2 already in your cart.", added.Error?.Message);
        Assert.Equal(2, await Cart.CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task Setting_a_quantity_to_zero_removes_the_line()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var tea = await factory.NewProductAsync();
        var pot = await factory.NewProductAsync();
        await Cart.AddAsync(shopper, tea.Id, 1);
        await Cart.AddAsync(shopper, pot.Id, 1);

        var changed = await Cart.SetQuantityAsync(shopper, tea.Id, 4);
        var removed = await Cart.RemoveAsync(shopper, pot.Id);

        Assert.Equal(4, changed.Value!.Lines.Single(l => l.ProductId == tea.Id).Quantity);
        Assert.Equal([tea.Id], removed.Value!.Lines.Select(l => l.ProductId));
    }

    [Fact]
    public async Task A_line_whose_stock_ran_out_is_flagged_and_blocks_checkout_naming_the_product()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var lamp = await factory.NewProductAsync(stock: 2, name: "Paper Lamp");
        await Cart.AddAsync(shopper, lamp.Id, 2);
        await factory.Get<InventoryService>().AdjustStockAsync(lamp.Id, -1, "Broken in the shop", "ui tests");

        var cart = await Cart.GetAsync(shopper);

        Assert.Equal(1, cart.Lines.Single().Shortage);
        Assert.True(cart.Lines.Single().ShortOfStock);
        Assert.False(cart.CanCheckOut);
        Assert.Equal(ErrorCode.OutOfStock, cart.Problem?.Code);
        Assert.Contains("\"Paper Lamp\"", cart.Problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_coupon_discounts_the_cart_once_the_order_is_big_enough()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var coupon = await ClaimWelcomeCouponAsync(shopper); // ₩3,000 off orders from ₩20,000
        var book = await factory.NewProductAsync(price: 15_000);
        await Cart.AddAsync(shopper, book.Id, 1);

        var small = await Cart.GetAsync(shopper, coupon.Id);
        await Cart.AddAsync(shopper, book.Id, 1);
        var big = await Cart.GetAsync(shopper, coupon.Id);

        Assert.Equal(ErrorCode.CouponBelowMinimumOrder, small.CouponProblem?.Code);
        Assert.Equal((0, 15_000), (small.Discount, small.Total));
        Assert.Equal(5_000, small.ShortfallOf(small.Coupons.Single(c => c.Id == coupon.Id)));
        Assert.Null(big.ShortfallOf(big.Coupons.Single(c => c.Id == coupon.Id)));
        Assert.Equal([coupon.Id], big.Coupons.Select(c => c.Id));
        Assert.Null(big.CouponProblem);
        Assert.Equal((coupon.Id, 3_000, 27_000), (big.CouponId, big.Discount, big.Total));
    }

    [Fact]
    public async Task Someone_elses_coupon_id_is_ignored()
    {
        var (_, owner) = await factory.NewShopperAsync();
        var (_, shopper) = await factory.NewShopperAsync();
        var theirs = await ClaimWelcomeCouponAsync(owner);
        var book = await factory.NewProductAsync(price: 25_000);
        await Cart.AddAsync(shopper, book.Id, 1);

        var cart = await Cart.GetAsync(shopper, theirs.Id);

        Assert.Null(cart.CouponId);
        Assert.Equal(25_000, cart.Total);
    }

    [Fact]
    public async Task Placing_an_order_takes_the_ordered_lines_out_of_the_cart()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var tea = await factory.NewProductAsync(price: 12_000);
        await Cart.AddAsync(shopper, tea.Id, 2);

        var placed = await Cart.PlaceOrderAsync(shopper, null, "checkout-1");

        Assert.Equal(OrderStatus.AwaitingPayment, placed.Value?.Status);
        Assert.Equal(24_000, placed.Value?.Total);
        Assert.True((await Cart.GetAsync(shopper)).IsEmpty);
    }

    [Fact]
    public async Task The_same_checkout_submitted_twice_at_once_places_one_order_and_never_crashes()
    {
        var (_, shopper) = await factory.NewShopperAsync();
        var tea = await factory.NewProductAsync();
        await Cart.AddAsync(shopper, tea.Id, 1);

        var both = await Task.WhenAll(Cart.PlaceOrderAsync(shopper, null, "double-click"), Cart.PlaceOrderAsync(shopper, null, "double-click"));

        // Both answer with the one order, also when the later one finds the cart already emptied by the first.
        Assert.All(both, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Single(both.Select(r => r.Value!.Id).Distinct());
        Assert.Equal(1, (await factory.Get<OrderQueries>().GetMyOrdersAsync(shopper)).TotalCount);
        Assert.Equal(0, await Cart.CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task A_visitor_without_a_shopper_id_is_asked_to_sign_in()
    {
        var added = await Cart.AddAsync("", 1, 1);

        Assert.Equal("Please sign in first.", added.Error?.Message);
    }

    private async Task<MyCoupon> ClaimWelcomeCouponAsync(string shopper)
    {
        var coupons = factory.Get<CouponService>();
        var welcome = (await coupons.GetClaimableAsync(shopper)).Single(c => c.Code == "WELCOME3000");
        var claimed = await coupons.ClaimAsync(shopper, welcome.Id);
        return claimed.Value ?? throw new InvalidOperationException(claimed.ToString());
    }
}
