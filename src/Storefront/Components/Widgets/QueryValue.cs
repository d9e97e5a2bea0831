using System.Globalization;
using System.Numerics;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// Numbers read from a page's URL. Pages take query values as text and read them here, because a hand-edited
/// "?page=two" must simply be left out, where a typed [SupplyParameterFromQuery] fails the whole page.
/// </summary>
public static class QueryValue
{
    /// <summary>The whole number above zero in <paramref name="text"/>, or null.</summary>
    public static T? Positive<T>(string? text) where T : struct, INumber<T> =>
        T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > T.Zero ? n : null;
}
