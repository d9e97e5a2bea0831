using System.Globalization;
using System.Text.RegularExpressions;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>What a number box held: the number typed, or why it is not one.</summary>
public sealed record NumberReading(long Value, string? Problem)
{
    public bool IsNumber => Problem is null;
}

/// <summary>
/// Reads a whole number as the shopper typed it, and never guesses: "1e3", "12.5" or "abc" are refused with a
/// message rather than rewritten, and a sign or a zero is passed on as typed, for the shop to accept or refuse
/// naming its limit. Thousands separators ("25,000") are read as such.
/// </summary>
public static partial class WholeNumber
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="what"/> names the value in a message ("an amount").</summary>
    public static NumberReading Read(string? text, string what)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new NumberReading(0, $"Type {what}.");
        }

        if (!Digits().IsMatch(trimmed))
        {
            return new NumberReading(0, $"Type {what} in whole digits, like 25000: \"{Shorten(trimmed)}\" is not one.");
        }

        var digits = trimmed.Replace(",", "", StringComparison.Ordinal);
        // More digits than a long holds is beyond every limit of the shop: the shop's own refusal names the limit.
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new NumberReading(value, null)
            : new NumberReading(digits.StartsWith('-') ? long.MinValue : long.MaxValue, null);
    }

    /// <summary>The reading as an int, for quantities; beyond an int is beyond every limit, as for a long.</summary>
    public static int ToInt(this NumberReading reading) => (int)Math.Clamp(reading.Value, int.MinValue, int.MaxValue);

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex(@"^-?(\d+|\d{1,3}(,\d{3})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
