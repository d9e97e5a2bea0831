namespace ECommerce.Storefront.ShoppingCart;

/// <summary>One product in a signed-in shopper's cart. Prices are not kept: the cart always shows today's.</summary>
public sealed class CartItem
{
    private CartItem()
    {
        ShopperId = "";
    }

    public CartItem(string shopperId, int productId, int quantity, DateTime addedAt)
    {
        ShopperId = shopperId;
        ProductId = productId;
        Quantity = quantity;
        AddedAt = addedAt;
    }

    public string ShopperId { get; private set; }
    public int ProductId { get; private set; }
    public int Quantity { get; private set; }
    public DateTime AddedAt { get; private set; }

    public void ChangeQuantity(int quantity) => Quantity = quantity;
}
