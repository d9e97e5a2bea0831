using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.ShoppingCart;
using Microsoft.AspNetCore.Components.Authorization;

namespace ECommerce.Storefront.Components.Layout;

/// <summary>
/// What the header shows about the signed-in shopper: units in the cart and the balance. One per circuit (scoped);
/// a page calls <see cref="RefreshAsync"/> after an action that changes either, so the header follows at once.
/// </summary>
public sealed class ShopperStatus(CartService cart, WalletService wallets, AuthenticationStateProvider authentication)
{
    public bool SignedIn { get; private set; }
    public int CartUnits { get; private set; }
    public long Balance { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync()
    {
        var shopperId = (await authentication.GetAuthenticationStateAsync()).User.ShopperId();
        SignedIn = shopperId is not null;
        (CartUnits, Balance) = shopperId is null
            ? (0, 0L)
            : (await cart.CountUnitsAsync(shopperId), await wallets.GetBalanceAsync(shopperId));
        Changed?.Invoke();
    }
}
