namespace ECommerce.Domain.Tests.Rules;

/// <summary>A product's stock rules, without a database.</summary>
public sealed class ProductRulesTests
{
    [Fact]
    public void Selling_what_is_on_the_shelf_takes_it_off()
    {
        var product = Entities.Product(stock: 3);

        Assert.Null(product.CheckCanSell(3));
        product.Sell(3);

        Assert.Equal(0, product.Stock);
    }

    [Theory]
    [InlineData(0, 1, "Not enough stock: \"Green Tea\" is sold out.")]
    [InlineData(2, 5, "Not enough stock: only 2 of \"Green Tea\" left (you asked for 5).")]
    public void Selling_more_than_the_shelf_holds_is_refused_and_changes_nothing(int stock, int quantity, string sentence)
    {
        var product = Entities.Product(stock);

        var refusal = product.CheckCanSell(quantity);

        Assert.Equal((ErrorCode.OutOfStock, sentence, (long?)stock), (refusal?.Code, refusal?.Message, refusal?.CurrentValue));
        Assert.Equal(quantity - stock, product.ShortageOf(quantity));
        Assert.Throws<InvalidOperationException>(() => product.Sell(quantity));
        Assert.Equal(stock, product.Stock);
    }

    [Fact]
    public void Every_line_short_of_stock_is_named_in_one_sentence()
    {
        var tea = Entities.Product(stock: 0, name: "Tea");
        var rice = Entities.Product(stock: 2, name: "Rice");
        var kimchi = Entities.Product(stock: 9, name: "Kimchi");

        var refusal = Product.CheckCanSell([(tea, 1), (kimchi, 9), (rice, 4)]);

        Assert.Equal("Not enough stock: \"Tea\" is sold out, only 2 of \"Rice\" left (you asked for 4).", refusal?.Message);
        Assert.Null(kimchi.ShortageSentence(9));
    }

    [Theory]
    [InlineData(5, -6)]
    [InlineData(1, int.MaxValue)]
    public void An_adjustment_below_zero_or_past_the_largest_stock_is_refused_and_changes_nothing(int stock, int delta)
    {
        var product = Entities.Product(stock);

        var refusal = product.CheckCanAdjust(delta);

        Assert.Equal(ErrorCode.StockWouldGoNegative, refusal?.Code);
        Assert.Equal($"\"Green Tea\" has {stock} in stock; a change of {delta} is not possible.", refusal?.Message);
        Assert.Throws<InvalidOperationException>(() => product.AdjustStock(delta, "count", "admin", Entities.Now));
        Assert.Equal(stock, product.Stock);
    }

    [Fact]
    public void An_adjustment_to_exactly_zero_is_allowed_and_recorded()
    {
        var product = Entities.Product(stock: 5);

        var adjustment = product.AdjustStock(-5, "broken", "admin", Entities.Now);

        Assert.Equal((0, 0), (product.Stock, adjustment.StockAfter));
    }
}
