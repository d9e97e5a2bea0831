namespace ECommerce.Domain.Tests.Rules;

/// <summary>Entities made in memory, as no database ever saw them: for the rules each one owns.</summary>
internal static class Entities
{
    public static readonly DateTime Now = new(2026, 11, 21, 10, 30, 0, DateTimeKind.Utc);

    public static Product Product(int stock, long price = 1_000, string name = "Green Tea")
    {
        var product = new Product(new Category("Tea"), name, "", price, Now);
        product.AdjustStock(stock, "opening stock", "test", Now);
        return product;
    }

    public static Wallet Wallet(long balance = 0)
    {
        var wallet = new Wallet("ann");
        if (balance > 0)
        {
            wallet.Charge(balance, "opening", Now, new WalletOptions { MaxChargeAmount = balance, MaxBalance = balance });
        }

        return wallet;
    }

    public static CouponCampaign Campaign(long minOrder = 0, int quantity = 10) => new(
        new NewCouponCampaign("TEA", "Tea time", DiscountKind.FixedAmount, 1_000, null, minOrder, quantity,
            Now.AddHours(-1), Now.AddDays(1), TimeSpan.FromDays(7)),
        Now.AddHours(-2));

    /// <summary>An order of one line, placed now, its payment window 15 minutes.</summary>
    public static Order Order(Product product, int quantity, IssuedCoupon? coupon = null)
    {
        var order = new Order("ann", "request-1", Now, Now.AddMinutes(15));
        order.AddLine(product.Id, product.Name, product.Price, quantity);
        if (coupon is not null)
        {
            order.ApplyCoupon(coupon, coupon.Campaign!.DiscountFor(order.Subtotal));
        }

        return order;
    }
}
