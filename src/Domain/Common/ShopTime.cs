using System.Globalization;

namespace ECommerce.Domain.Common;

/// <summary>
/// The shop keeps and shows every time in UTC and says so; like <see cref="Money"/>, this class is the one
/// place that spells the format, for pages and for the domain's sentences alike.
/// </summary>
public static class ShopTime
{
    /// <summary>"2026-11-30 14:05 UTC".</summary>
    public static string Format(DateTime utc) =>
        utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"—" when there is no time.</summary>
    public static string Format(DateTime? utc) => utc is { } value ? Format(value) : "—";

    /// <summary>"14:05 UTC": the time of day, for deadlines within the hour.</summary>
    public static string Clock(DateTime utc) =>
        utc.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
