namespace ECommerce.Domain.Orders;

public enum OrderStatus
{
    AwaitingPayment,
    Paid,
    Cancelled,
    Expired,
}
