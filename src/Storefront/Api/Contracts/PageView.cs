namespace ECommerce.Storefront.Api.Contracts;

/// <summary>One page of a list; <see cref="Page"/> starts at 1 and <see cref="Total"/> counts every item of every page.</summary>
public sealed record PageView<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public static PageView<T> Of(ECommerce.Domain.Common.Page<T> page) =>
        new(page.Items, page.PageNumber, page.PageSize, page.TotalCount);
}
