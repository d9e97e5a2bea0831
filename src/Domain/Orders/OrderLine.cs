namespace ECommerce.Domain.Orders;

/// <summary>A line of an order. Name and unit price are frozen when the order is placed.</summary>
public sealed class OrderLine
{
    private OrderLine()
    {
        ProductName = "";
    }

    internal OrderLine(int productId, string productName, long unitPrice, int quantity)
    {
        ProductId = productId;
        ProductName = productName;
        UnitPrice = unitPrice;
        Quantity = quantity;
    }

    public long Id { get; private set; }
    public int OrderId { get; private set; }
    public int ProductId { get; private set; }
    public string ProductName { get; private set; }
    public long UnitPrice { get; private set; }
    public int Quantity { get; private set; }
    public long LineTotal => UnitPrice * Quantity;
}
