namespace ECommerce.Storefront.ShoppingCart;

public static class CartRegistration
{
    public static IServiceCollection AddShoppingCart(this IServiceCollection services) =>
        services.AddSingleton<CartService>();
}
