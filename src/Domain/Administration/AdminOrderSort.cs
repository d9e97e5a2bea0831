namespace ECommerce.Domain.Administration;

public enum AdminOrderSort
{
    NewestFirst,
    OldestFirst,
    HighestTotal,
    LowestTotal,
}
