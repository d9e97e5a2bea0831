using MudBlazor;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>How a category looks: its icon (MudBlazor's inline SVG, no icon font) and a hue per product.</summary>
public static class CategoryLook
{
    private static readonly (string Word, string Icon)[] ByWord =
    [
        ("coffee", Icons.Material.Outlined.LocalCafe), ("tea", Icons.Material.Outlined.EmojiFoodBeverage),
        ("kitchen", Icons.Material.Outlined.SoupKitchen), ("electronic", Icons.Material.Outlined.Devices),
        ("book", Icons.Material.Outlined.MenuBook), ("outdoor", Icons.Material.Outlined.Hiking),
        ("stationery", Icons.Material.Outlined.EditNote),
    ];

    /// <summary>The category's icon; unknown categories get a parcel.</summary>
    public static string IconFor(string categoryName) =>
        ByWord.FirstOrDefault(i => categoryName.Contains(i.Word, StringComparison.OrdinalIgnoreCase)).Icon
        ?? Icons.Material.Outlined.Inventory2;

    /// <summary>A hue (0–359) that stays the same for an id and differs between neighbours.</summary>
    public static int HueFor(int id) => (id * 47 + 160) % 360;
}
