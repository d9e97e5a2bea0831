using MudBlazor;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// The icons the shop's states are named by ("search_off", "inbox"), as MudBlazor's inline SVG: callers say what
/// the state is about and need not know where the picture comes from.
/// </summary>
public static class ShopIcons
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["search_off"] = Icons.Material.Outlined.SearchOff,
        ["inbox"] = Icons.Material.Outlined.Inbox,
        ["trending_up"] = Icons.Material.Outlined.TrendingUp,
        ["history"] = Icons.Material.Outlined.History,
        ["receipt_long"] = Icons.Material.Outlined.ReceiptLong,
        ["sell"] = Icons.Material.Outlined.Sell,
        ["inventory_2"] = Icons.Material.Outlined.Inventory2,
        ["outbox"] = Icons.Material.Outlined.Outbox,
        ["category"] = Icons.Material.Outlined.Category,
        ["last_page"] = Icons.Material.Outlined.LastPage,
        ["shopping_cart"] = Icons.Material.Outlined.ShoppingCart,
        ["account_balance_wallet"] = Icons.Material.Outlined.AccountBalanceWallet,
    };

    /// <summary>The SVG for a name; an unknown name gets an empty box rather than nothing.</summary>
    public static string For(string name) => Named.GetValueOrDefault(name, Icons.Material.Outlined.Inbox);
}
