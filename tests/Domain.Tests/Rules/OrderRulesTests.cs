namespace ECommerce.Domain.Tests.Rules;

/// <summary>An order's transitions and the order its refusals come in, without a database.</summary>
public sealed class OrderRulesTests
{
    private static readonly DateTime Now = Entities.Now;

    private sealed record State(OrderStatus Status, long Balance, int Stock, DateTime? UsedAt, int? CouponOrderId);

    private static State StateOf(Order order, Wallet wallet, Product product) =>
        new(order.Status, wallet.Balance, product.Stock, order.IssuedCoupon?.UsedAt, order.IssuedCoupon?.OrderId);

    private static Dictionary<int, Product> Shelf(Product product) => new() { [product.Id] = product };

    [Fact]
    public void Paying_takes_the_stock_debits_the_wallet_uses_the_coupon_and_marks_it_paid()
    {
        var tea = Entities.Product(stock: 5, price: 4_000);
        var coupon = Entities.Campaign().Issue("ann", Now);
        var order = Entities.Order(tea, 2, coupon);
        var wallet = Entities.Wallet(balance: 10_000);

        var paid = order.Pay(wallet, Shelf(tea), Now.AddMinutes(1));

        Assert.True(paid.IsSuccess, paid.ToString());
        Assert.Equal((OrderStatus.Paid, 3_000L, 3), (order.Status, wallet.Balance, tea.Stock));
        Assert.Equal(Now.AddMinutes(1), coupon.UsedAt);
        Assert.Equal((7_000L, -7_000L), (paid.Value.Payment.Amount, paid.Value.Debit.Amount));
        Assert.Equal(CouponState.Used, coupon.StateAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void A_closed_payment_window_is_heard_before_missing_stock_and_missing_balance()
    {
        var tea = Entities.Product(stock: 1);
        var order = Entities.Order(tea, 2);
        var wallet = Entities.Wallet();
        var before = StateOf(order, wallet, tea);

        var paid = order.Pay(wallet, Shelf(tea), Now.AddMinutes(15));

        Assert.Equal(ErrorCode.OrderExpired, paid.Error?.Code);
        Assert.Equal("The payment window of order 0 closed at 10:45 UTC; place the order again.", paid.Error?.Message);
        Assert.Equal(before, StateOf(order, wallet, tea));
    }

    [Fact]
    public void Missing_stock_is_heard_before_missing_balance_and_changes_nothing()
    {
        var tea = Entities.Product(stock: 1);
        var order = Entities.Order(tea, 2);
        var wallet = Entities.Wallet();
        var before = StateOf(order, wallet, tea);

        var paid = order.Pay(wallet, Shelf(tea), Now);

        Assert.Equal(ErrorCode.OutOfStock, paid.Error?.Code);
        Assert.Equal(before, StateOf(order, wallet, tea));
    }

    [Fact]
    public void A_short_balance_refuses_the_payment_and_leaves_stock_and_coupon_alone()
    {
        var tea = Entities.Product(stock: 5, price: 4_000);
        var coupon = Entities.Campaign().Issue("ann", Now);
        var order = Entities.Order(tea, 2, coupon);
        var wallet = Entities.Wallet(balance: 6_999);
        var before = StateOf(order, wallet, tea);

        var paid = order.Pay(wallet, Shelf(tea), Now);

        Assert.Equal((ErrorCode.InsufficientBalance, (long?)1), (paid.Error?.Code, paid.Error?.Shortfall));
        Assert.Equal(before, StateOf(order, wallet, tea));
        Assert.Equal(CouponState.Reserved, coupon.StateAt(Now));
    }

    [Theory]
    [InlineData(OrderStatus.Paid, "Order 0 is already paid.")]
    [InlineData(OrderStatus.Cancelled, "Order 0 is cancelled.")]
    [InlineData(OrderStatus.Expired, "Order 0 is expired.")]
    public void Only_an_order_awaiting_payment_can_be_paid_cancelled_or_expired(OrderStatus status, string sentence)
    {
        var tea = Entities.Product(stock: 5);
        var order = Entities.Order(tea, 1);
        var wallet = Entities.Wallet(balance: 10_000);
        switch (status)
        {
            case OrderStatus.Paid: order.Pay(wallet, Shelf(tea), Now); break;
            case OrderStatus.Cancelled: order.Cancel(Now); break;
            default: order.Expire(Now); break;
        }

        var before = StateOf(order, wallet, tea);

        Assert.Equal((ErrorCode.OrderNotAwaitingPayment, sentence), (order.CheckPayable(Now)?.Code, order.CheckPayable(Now)?.Message));
        Assert.False(order.Pay(wallet, Shelf(tea), Now).IsSuccess);
        Assert.Throws<InvalidOperationException>(() => order.Cancel(Now));
        Assert.Throws<InvalidOperationException>(() => order.Expire(Now));
        Assert.Equal(before, StateOf(order, wallet, tea));
    }

    [Fact]
    public void Cancelling_releases_the_coupon_it_holds()
    {
        var tea = Entities.Product(stock: 5);
        var coupon = Entities.Campaign().Issue("ann", Now);
        var order = Entities.Order(tea, 1, coupon);

        order.Cancel(Now.AddMinutes(1));

        Assert.Equal((OrderStatus.Cancelled, (DateTime?)Now.AddMinutes(1)), (order.Status, order.ClosedAt));
        Assert.Equal(CouponState.Valid, coupon.StateAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void Only_the_owner_may_act_on_an_order()
    {
        var order = Entities.Order(Entities.Product(stock: 1), 1);

        Assert.Null(Order.CheckOwner(order, 7, "ann"));
        Assert.Equal(ErrorCode.NotYours, Order.CheckOwner(order, 7, "bob")?.Code);
        Assert.Equal("Order 7 was not found.", Order.CheckOwner(null, 7, "ann")?.Message);
    }
}
