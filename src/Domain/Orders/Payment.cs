namespace ECommerce.Domain.Orders;

/// <summary>The payment of one order from the shopper's balance. At most one per order (unique).</summary>
public sealed class Payment
{
    private Payment()
    {
        ShopperId = "";
    }

    internal Payment(Order order, long amount, DateTime paidAt)
    {
        Order = order;
        OrderId = order.Id;
        ShopperId = order.ShopperId;
        Amount = amount;
        PaidAt = paidAt;
    }

    public int Id { get; private set; }
    public int OrderId { get; private set; }
    public Order? Order { get; private set; }
    public string ShopperId { get; private set; }
    public long Amount { get; private set; }
    public DateTime PaidAt { get; private set; }
}
