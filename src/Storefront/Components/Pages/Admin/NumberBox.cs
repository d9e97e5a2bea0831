using System.Globalization;

namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>
/// Reads a number box's text as the whole number typed, or refuses it with a reason: an exponent, a fraction or a
/// sign the box does not take is never dropped or rewritten, and a number too large names the real limit.
/// </summary>
public static class NumberBox
{
    /// <summary>The number, null for an empty box, or the refusal to show under the field.</summary>
    /// <param name="max">The largest value the shop takes in this box.</param>
    public static Result<long?> Read(string? text, long min, long max)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (long?)null;
        }

        var digits = typed.TrimStart('+', '-').Replace(",", "", StringComparison.Ordinal);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || typed.Skip(1).Any(c => c is '+' or '-'))
        {
            return Refused($"Type a whole number, digits only{(min < 0 ? " with - in front to remove" : "")}: \"{typed}\" is not one.");
        }

        if (typed[0] == '-' && min >= 0)
        {
            return Refused("This box takes no negative numbers.");
        }

        // Too many digits for any number the shop keeps is "too large" as well: the message names the real limit.
        var read = long.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value);
        if (!read && typed[0] != '-' || read && value > max)
        {
            return Refused($"{typed} is too large: the most is {Format(max)}.");
        }

        if (!read || value < min)
        {
            return Refused($"{typed} is too small: the least is {Format(min)}.");
        }

        return (long?)value;
    }

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static ShopError Refused(string message) => ShopError.Invalid(message);
}
