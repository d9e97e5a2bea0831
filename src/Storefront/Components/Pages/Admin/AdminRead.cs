using System.Data.Common;
using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>
/// The one place where an admin page's read can fail because the shop cannot be asked at all (the database is
/// down, say): every admin page and grid reads through here and shows the same sentence instead of an error page.
/// </summary>
public static class AdminRead
{
    /// <param name="read">Asks the domain.</param>
    /// <param name="what">What is read, for the message, e.g. "the orders".</param>
    public static async Task<Result<T>> TryAsync<T>(Func<Task<Result<T>>> read, string what)
    {
        try
        {
            return await read();
        }
        catch (DbException)
        {
            return PageErrors.LoadFailed(what);
        }
    }
}
