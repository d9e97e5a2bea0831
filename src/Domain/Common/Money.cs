using System.Globalization;

namespace ECommerce.Domain.Common;

/// <summary>
/// Money is whole won (KRW) in a <see cref="long"/> everywhere: no fractions exist, and 64 bits hold any
/// realistic sum. This class only formats it.
/// </summary>
public static class Money
{
    public static string Format(long won) => string.Create(CultureInfo.InvariantCulture, $"₩{won:N0}");
}
