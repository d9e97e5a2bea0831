using System.Globalization;

namespace ECommerce.Domain.Common;

/// <summary>
/// Money is whole won (KRW) in a <see cref="long"/> everywhere: no fractions exist, and 64 bits hold any
/// realistic sum. This class only formats it.
/// </summary>
public static class Money
{
    /// <summary>"₩36,000"; a negative amount leads with the minus sign the pages write, "−₩36,000" (U+2212).</summary>
    public static string Format(long won) => won.ToString("₩#,##0;−₩#,##0", CultureInfo.InvariantCulture);
}
