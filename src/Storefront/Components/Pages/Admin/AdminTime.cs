namespace ECommerce.Storefront.Components.Pages.Admin;

/// <summary>The admin area shows every time in UTC, and says so.</summary>
public static class AdminTime
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    public static string Format(DateTime? utc) => utc is { } value ? Format(value) : "—";
}
