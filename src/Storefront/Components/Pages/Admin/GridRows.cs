using MudBlazor;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>
/// What a server-paged <see cref="MudDataGrid{T}"/> asks for, turned into the domain's typed page query and back;
/// the refusal or read failure of the last load is kept for the page to show above its grid.
/// </summary>
public sealed class GridRows<T>
{
    public ShopError? Error { get; private set; }

    /// <summary>Asks the domain for the page the grid wants (1-based page number and size) and hands the grid its rows.</summary>
    /// <param name="what">What the rows are, for the message when the shop cannot be asked at all.</param>
    public async Task<GridData<T>> LoadAsync(GridState<T> state, Func<int, int, Task<Result<Page<T>>>> load, string what)
    {
        var result = await AdminRead.TryAsync(() => load(state.Page + 1, state.PageSize), what);
        Error = result.Error;
        return new GridData<T> { Items = result.Value?.Items ?? [], TotalItems = result.Value?.TotalCount ?? 0 };
    }

    /// <summary>The column the grid sorts by (its property name) and whether descending; null when it does not sort.</summary>
    public static (string Column, bool Descending)? SortOf(GridState<T> state) =>
        state.SortDefinitions.FirstOrDefault() is { SortBy: { Length: > 0 } column } sort ? (column, sort.Descending) : null;
}
