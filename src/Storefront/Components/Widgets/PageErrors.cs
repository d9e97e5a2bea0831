namespace ECommerce.Storefront.Components.Widgets;

/// <summary>What a page says when the shop could not even be asked (the database is down, say).</summary>
public static class PageErrors
{
    public static ShopError LoadFailed(string what) =>
        new(ErrorCode.Busy, $"We could not load {what} right now. Please try again in a moment.");
}
