using System.Data.Common;
using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>One page of a server-paged grid, with the loading and error states every admin grid shows.</summary>
public sealed class GridRows<T>
{
    /// <summary>Null until the first load: a Radzen grid given null data asks for its first page itself.</summary>
    public IReadOnlyList<T>? Items { get; private set; }
    public int Count { get; private set; }
    public bool Loading { get; private set; }
    public ShopError? Error { get; private set; }

    /// <param name="load">Asks the domain for the page the grid wants.</param>
    /// <param name="what">What the rows are, for the message when the shop cannot be asked at all.</param>
    public async Task LoadAsync(Func<Task<Result<Page<T>>>> load, string what)
    {
        Loading = true;
        Error = null;
        try
        {
            var result = await load();
            Show(result.Value?.Items ?? [], result.Value?.TotalCount ?? 0, result.Error);
        }
        catch (DbException)
        {
            Show([], 0, PageErrors.LoadFailed(what));
        }
        finally
        {
            Loading = false;
        }
    }

    private void Show(IReadOnlyList<T> items, int count, ShopError? error) => (Items, Count, Error) = (items, count, error);
}
