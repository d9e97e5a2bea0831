namespace ECommerce.Domain.Tests.Rules;

/// <summary>Whether a shopper may use a coupon, and what reserving and releasing it do, without a database.</summary>
public sealed class IssuedCouponRulesTests
{
    private static readonly DateTime Now = Entities.Now;

    [Fact]
    public void A_valid_coupon_of_the_shopper_applies_to_a_big_enough_order()
    {
        var coupon = Entities.Campaign(minOrder: 10_000).Issue("ann", Now);

        Assert.Null(coupon.CheckUsableBy("ann", 10_000, Now));
        Assert.Equal(ErrorCode.NotYours, coupon.CheckUsableBy("bob", 10_000, Now)?.Code);
    }

    [Fact]
    public void Below_the_minimum_order_the_refusal_says_how_much_more_to_add()
    {
        var coupon = Entities.Campaign(minOrder: 20_000).Issue("ann", Now);

        var refusal = coupon.CheckUsableBy("ann", 5_000, Now);

        Assert.Equal(ErrorCode.CouponBelowMinimumOrder, refusal?.Code);
        Assert.Equal("\"Tea time\" needs an order of at least ₩20,000; add ₩15,000 more.", refusal?.Message);
        Assert.Equal(15_000, refusal?.Shortfall);
    }

    [Fact]
    public void An_expired_coupon_says_when_it_expired()
    {
        var coupon = Entities.Campaign().Issue("ann", Now);

        var refusal = coupon.CheckUsableBy("ann", 50_000, Now.AddDays(7));

        Assert.Equal(ErrorCode.CouponExpired, refusal?.Code);
        Assert.Equal("Your \"Tea time\" coupon expired at 2026-11-28 10:30 UTC.", refusal?.Message);
    }

    [Fact]
    public void A_reservation_holds_the_coupon_until_the_order_window_closes_and_no_longer()
    {
        var coupon = Entities.Campaign().Issue("ann", Now);
        Entities.Order(Entities.Product(stock: 1, price: 5_000), 1, coupon);

        Assert.Equal(Now.AddMinutes(15), coupon.ReservedUntil);
        Assert.False(coupon.ReservationLapsedAt(Now.AddMinutes(15).AddTicks(-1)));
        Assert.True(coupon.ReservationLapsedAt(Now.AddMinutes(15)));
        Assert.Equal(CouponState.Valid, coupon.StateAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void Releasing_for_an_order_that_no_longer_holds_the_coupon_changes_nothing()
    {
        var coupon = Entities.Campaign().Issue("ann", Now);
        Entities.Order(Entities.Product(stock: 1, price: 5_000), 1, coupon);

        coupon.Release(orderId: 42);
        Assert.Equal(CouponState.Reserved, coupon.StateAt(Now));
        coupon.MarkUsed(Now);
        coupon.Release(orderId: 0); // The order that used it cannot give it back either.

        Assert.Equal((0, (DateTime?)Now), (coupon.OrderId!.Value, coupon.UsedAt));
        Assert.Equal(CouponState.Used, coupon.StateAt(Now));
    }
}
