using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Components;

/// <summary>A number box reads what was typed, or says why it is not a whole number; it never guesses.</summary>
public sealed class WholeNumberTests
{
    [Theory]
    [InlineData("25000", 25_000)]
    [InlineData(" 25,000 ", 25_000)]
    [InlineData("1,000,000", 1_000_000)]
    [InlineData("0", 0)]
    [InlineData("-5", -5)]
    [InlineData("99999999999999999999", long.MaxValue)]
    [InlineData("-99999999999999999999", long.MinValue)]
    public void Digits_are_read_as_typed(string text, long value)
    {
        var reading = WholeNumber.Read(text, "an amount");

        Assert.True(reading.IsNumber);
        Assert.Equal(value, reading.Value);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("12.5")]
    [InlineData("+5")]
    [InlineData("12,34")]
    [InlineData("₩5000")]
    [InlineData("five")]
    public void Anything_else_is_refused_naming_what_was_typed(string text)
    {
        var reading = WholeNumber.Read(text, "an amount");

        Assert.False(reading.IsNumber);
        Assert.Equal($"Type an amount in whole digits, like 25000: \"{text}\" is not one.", reading.Problem);
    }

    [Fact]
    public void An_empty_box_asks_for_the_value() =>
        Assert.Equal("Type a quantity.", WholeNumber.Read("  ", "a quantity").Problem);

    [Fact]
    public void Past_an_int_a_quantity_stays_past_every_limit() =>
        Assert.Equal(int.MaxValue, WholeNumber.Read("5000000000", "a quantity").ToInt());
}
