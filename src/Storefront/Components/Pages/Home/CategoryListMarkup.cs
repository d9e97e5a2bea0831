using ECommerce.Domain.Catalog;
using ECommerce.Storefront.Components.Widgets;
using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Components.Pages.Home;

/// <summary>
/// The home page's categories, the same for every visitor: <see cref="CategoryList"/> rendered once per list of
/// categories and shared by every circuit as one markup string, instead of its 5 KB tree and its strings in each.
/// </summary>
internal static class CategoryListMarkup
{
    private static readonly StaticMarkup<CategoryList> Lists = new(64);

    public static Task<MarkupString> MarkupAsync(IReadOnlyList<CategoryView> categories, IServiceScopeFactory scopes, ILoggerFactory logging) =>
        // The records' text names every field, so equal keys are equal lists.
        Lists.OfAsync(string.Join('\u001f', categories), () => new Dictionary<string, object?>
        {
            [nameof(CategoryList.Categories)] = categories,
        }, scopes, logging);
}
