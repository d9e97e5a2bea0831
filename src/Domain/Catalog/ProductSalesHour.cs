namespace ECommerce.Domain.Catalog;

/// <summary>Units of one product sold in paid orders during one UTC hour; written by the payment itself.</summary>
public sealed class ProductSalesHour
{
    private ProductSalesHour()
    {
    }

    internal ProductSalesHour(int productId, DateTime hourStart)
    {
        ProductId = productId;
        HourStart = hourStart;
    }

    public int ProductId { get; private set; }
    public DateTime HourStart { get; private set; }
    public long UnitsSold { get; private set; }

    internal static DateTime HourOf(DateTime utc) =>
        new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    internal void Record(int units)
    {
        UnitsSold += units;
    }
}
