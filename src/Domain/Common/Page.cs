namespace ECommerce.Domain.Common;

/// <summary>One page of a longer list. <paramref name="PageNumber"/> starts at 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
