namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// The shop has no product photos yet: a product is pictured by its category's icon on a tint of its own, so the
/// shelves still read at a glance. Unknown categories get a parcel.
/// </summary>
public static class CategoryLook
{
    private static readonly (string Word, string Icon)[] Icons =
    [
        ("coffee", "local_cafe"), ("tea", "emoji_food_beverage"), ("kitchen", "skillet"), ("electronic", "devices"),
        ("book", "menu_book"), ("outdoor", "hiking"), ("stationery", "edit_note"),
    ];

    /// <summary>A Material Symbols name for the category.</summary>
    public static string IconFor(string categoryName) =>
        Icons.FirstOrDefault(i => categoryName.Contains(i.Word, StringComparison.OrdinalIgnoreCase)).Icon ?? "inventory_2";

    /// <summary>A hue (0–359) that stays the same for an id and differs between neighbours.</summary>
    public static int HueFor(int id) => (id * 47 + 160) % 360;
}
