using System.Globalization;
using ECommerce.Domain.Catalog;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.Storefront.Components.Pages.Catalog;

/// <summary>
/// The catalog's filters as they stand in its URL, <c>/catalog?category=&amp;q=&amp;min=&amp;max=&amp;instock=true&amp;sort=&amp;page=</c>,
/// so a filtered list can be shared and the back button returns to it. Shoppers edit these links, so reading one
/// never fails: a value that is not even a number is left out and named; whether a number makes sense (a
/// negative price, a range upside down) is the catalog's to say.
/// </summary>
public static class CatalogUrl
{
    /// <summary>The sort orders by their names in the URL, in the order the sort menu lists them.</summary>
    public static readonly IReadOnlyList<(string Key, CatalogSort Sort, string Text)> Sorts =
    [
        ("name", CatalogSort.Name, "Name"),
        ("price-asc", CatalogSort.PriceLowToHigh, "Price: low to high"),
        ("price-desc", CatalogSort.PriceHighToLow, "Price: high to low"),
        ("newest", CatalogSort.Newest, "Newest"),
    ];

    /// <summary>The query in a URL's values, and the parts not understood and left out (e.g. <c>page "two"</c>).</summary>
    public static (CatalogQuery Query, IReadOnlyList<string> Ignored) Read(
        string? category, string? q, string? min, string? max, string? instock, string? sort, string? page)
    {
        var ignored = new List<string>();

        T? Read<T>(string name, string? text, Func<string, T?> parse) where T : struct
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var value = parse(text.Trim());
            if (value is null)
            {
                ignored.Add($"{name} \"{text}\"");
            }

            return value;
        }

        var query = new CatalogQuery(
            CategoryId: Read("category", category, t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null),
            Keyword: string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            MinPrice: Read("min", min, ParseWon),
            MaxPrice: Read("max", max, ParseWon),
            InStockOnly: Read("instock", instock, ParseFlag) ?? false,
            Sort: Read("sort", sort, t => Sorts.Where(s => s.Key.Equals(t, StringComparison.OrdinalIgnoreCase)).Select(s => (CatalogSort?)s.Sort).FirstOrDefault())
                ?? CatalogSort.Name,
            // Page 0 or -3 is simply the first page (the catalog clamps it); "two" is not a page at all.
            Page: Read("page", page, t => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (int?)null) is { } p
                ? Math.Max(1, p)
                : 1);
        return (query, ignored);
    }

    /// <summary>The relative URL of a query; defaults are left out, so the plain catalog is just "catalog".</summary>
    public static string For(CatalogQuery query)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                values.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture)));
            }
        }

        Add("category", query.CategoryId);
        Add("q", query.Keyword);
        Add("min", query.MinPrice);
        Add("max", query.MaxPrice);
        Add("instock", query.InStockOnly ? "true" : null);
        Add("sort", query.Sort == CatalogSort.Name ? null : Sorts.First(s => s.Sort == query.Sort).Key);
        Add("page", query.Page > 1 ? query.Page : null);
        return QueryHelpers.AddQueryString("catalog", values);
    }

    /// <summary>Whether anything narrows the list (sorting and paging do not).</summary>
    public static bool IsFiltered(this CatalogQuery query) =>
        query.CategoryId is not null || query.Keyword is not null || query.MinPrice is not null || query.MaxPrice is not null || query.InStockOnly;

    /// <summary>Whole won; "10,000" and "₩10000" are read too, since that is how prices are shown.</summary>
    private static long? ParseWon(string text) =>
        long.TryParse(text.TrimStart('₩'), NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var won)
            ? won
            : null;

    private static bool? ParseFlag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "on" or "yes" => true,
        "false" or "0" or "off" or "no" => false,
        _ => null,
    };
}
