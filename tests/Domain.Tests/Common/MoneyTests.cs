using System.Globalization;

namespace ECommerce.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0, "₩0")]
    [InlineData(12_000, "₩12,000")]
    [InlineData(-36_000, "−₩36,000")]
    [InlineData(long.MinValue, "−₩9,223,372,036,854,775,808")]
    public void The_sign_comes_before_the_currency(long won, string shown) => Assert.Equal(shown, Money.Format(won));

    [Fact]
    public void Amounts_read_the_same_whatever_the_server_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("₩1,234,567", Money.Format(1_234_567));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
