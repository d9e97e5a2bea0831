using Radzen;
using Radzen.Blazor;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>Turns what a Radzen grid asks for (skip, top, sorted column) into the page numbers and sorts the domain's typed queries take.</summary>
public static class GridPaging
{
    public const int PageSize = 20;

    /// <summary>The 1-based page number and page size of the grid's request.</summary>
    public static (int Page, int Size) PageOf(LoadDataArgs args)
    {
        var size = args.Top is int top and > 0 ? top : PageSize;
        return ((args.Skip ?? 0) / size + 1, size);
    }

    /// <summary>Shows the first page again, loaded afresh: after the filters changed or a row was added.</summary>
    public static Task ReloadFromFirstPageAsync<T>(this RadzenDataGrid<T>? grid) where T : notnull =>
        grid?.FirstPage(forceReload: true) ?? Task.CompletedTask;

    /// <summary>The column the grid sorts by and whether it sorts descending; null when it does not sort.</summary>
    public static (string Property, bool Descending)? SortOf(LoadDataArgs args) =>
        args.Sorts?.FirstOrDefault(s => s.SortOrder is not null) is { Property: { } property } sort
            ? (property, sort.SortOrder == SortOrder.Descending)
            : null;
}
