using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class NumberBoxTests
{
    [Theory]
    [InlineData("20", 20)]
    [InlineData(" -3 ", -3)]
    [InlineData("+5", 5)]
    [InlineData("1,000", 1000)]
    [InlineData("0", 0)]
    public void A_whole_number_is_read_as_typed(string typed, long expected) =>
        Assert.Equal(expected, NumberBox.Read(typed, -100_000, 100_000).Value);

    [Fact]
    public void An_empty_box_is_no_number_not_zero() => Assert.True(NumberBox.Read("  ", 0, 10) is { IsSuccess: true, Value: null });

    [Theory]
    [InlineData("1e3", "digits only")]
    [InlineData("2.5", "digits only")]
    [InlineData("5-", "digits only")]
    [InlineData("--5", "digits only")]
    [InlineData("-3", "no negative numbers")]
    [InlineData("101", "101 is too large: the most is 100.")]
    [InlineData("99999999999999999999999", "too large: the most is 100.")]
    public void Anything_else_is_refused_with_the_reason_and_never_rewritten(string typed, string reason)
    {
        var read = NumberBox.Read(typed, 0, 100);

        Assert.False(read.IsSuccess);
        Assert.Contains(reason, read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_below_the_least_names_it() =>
        Assert.Equal("-2147483648 is too small: the least is -2,147,483,647.",
            NumberBox.Read("-2147483648", -int.MaxValue, int.MaxValue).Error!.Message);
}
