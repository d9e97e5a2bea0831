using Bunit;
using ECommerce.Storefront.Components.Pages.Cart;
using ECommerce.Storefront.Components.Pages.Product;
using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.Shopper;

/// <summary>Putting products in the cart from their page, and changing the cart's lines.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class ProductAndCartTests(StorefrontFactory shop) : ShopContext(shop)
{
    [Fact]
    public async Task The_product_page_shows_the_product_its_picture_and_its_stock()
    {
        var product = await Shop.NewProductAsync(price: 27_000, stock: 3, name: "Celadon Cup");

        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));

        page.WaitForAssertion(() => Assert.Equal("Celadon Cup", page.Find("h1").TextContent));
        Assert.Equal("₩27,000", page.Find("[data-testid=price]").TextContent);
        Assert.Equal("Only 3 left", page.Find(".mud-chip.stock").TextContent.Trim());
        Assert.Equal("Picture of Celadon Cup", page.Find(".product-art img").GetAttribute("alt"));
        Assert.EndsWith("UTC, updated while you look", page.Find(".stock .muted").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_puts_the_typed_quantity_in_the_cart_with_a_snackbar()
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(stock: 10, name: "Brass Bowl");
        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));
        page.WaitForAssertion(() => page.Field("Quantity"));

        page.Type("Quantity", "3");
        page.Press("Add to cart");

        page.WaitForAssertion(() => Assert.Contains("you now have 3 units in it", page.Find(".success-notice").TextContent, StringComparison.Ordinal));
        Assert.Equal(3, await Shop.Get<CartService>().CountUnitsAsync(shopper));
        Assert.Contains("Brass Bowl is in your cart.", Snackbars());
        Assert.Equal("1", page.Field("Quantity").GetAttribute("value"));
    }

    [Theory]
    [InlineData("0", "Choose a quantity of at least 1.")]
    [InlineData("2e1", "Type a quantity in whole digits, like 25000: \"2e1\" is not one.")]
    [InlineData("-2", "Choose a quantity of at least 1.")]
    public async Task A_refused_quantity_is_explained_under_the_box_and_the_cart_stays_as_it_was(string typed, string message)
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(stock: 10);
        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));
        page.WaitForAssertion(() => page.Field("Quantity"));

        page.Type("Quantity", typed);
        page.Press("Add to cart");

        page.WaitForAssertion(() => Assert.Equal(message, page.MessageUnder("Quantity")));
        Assert.Equal(0, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task More_than_the_stock_is_refused_and_the_page_shows_the_stock_as_it_is_now()
    {
        await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(stock: 4, name: "Last Lantern");
        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));
        page.WaitForAssertion(() => page.Field("Quantity"));
        // Meanwhile another shopper's adjustment takes all but one.
        await Shop.Get<InventoryService>().AdjustStockAsync(product.Id, -3, "sold elsewhere", "ui tests");

        page.Type("Quantity", "2");
        page.Press("Add to cart");

        page.WaitForAssertion(() => Assert.Equal("Only 1 left", page.Find(".mud-chip.stock").TextContent.Trim()));
        Assert.Contains("1", page.MessageUnder("Quantity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_adds_is_sent_to_sign_in_and_back()
    {
        var product = await Shop.NewProductAsync();
        Navigation.NavigateTo($"products/{product.Id}");
        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));
        page.WaitForAssertion(() => page.Field("Quantity"));

        page.Press("Add to cart");

        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString($"products/{product.Id}"), Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sold_out_product_offers_no_quantity()
    {
        var product = await Shop.NewProductAsync(stock: 0);

        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));

        page.WaitForAssertion(() => Assert.True(page.Button("Sold out").HasAttribute("disabled")));
        Assert.Empty(page.FindAll(".number-box"));
    }

    private async Task<(string Shopper, IRenderedComponent<CartPage> Page, ProductDetail Product)> CartWithAsync(int quantity, int stock = 10)
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(price: 5_000, stock: stock, name: $"Tea Towel {Guid.NewGuid():N}"[..16]);
        await Shop.Get<CartService>().AddAsync(shopper, product.Id, quantity);
        var page = RenderInShop<CartPage>();
        page.WaitForAssertion(() => page.Find(".cart-lines"));
        return (shopper, page, product);
    }

    [Fact]
    public async Task A_new_quantity_applies_on_enter_and_the_totals_follow()
    {
        var (shopper, page, product) = await CartWithAsync(2);
        var box = $"Quantity of {product.Name}";

        page.Type(box, "5");
        page.Field(box).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal("₩25,000", page.Find(".line-total").TextContent));
        Assert.Equal("₩25,000", page.Find("[data-testid=total]").TextContent);
        Assert.Equal(5, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task A_quantity_that_is_not_a_number_is_refused_when_leaving_the_box()
    {
        var (shopper, page, product) = await CartWithAsync(2);
        var box = $"Quantity of {product.Name}";

        page.Type(box, "three");
        page.Field(box).Blur();

        page.WaitForAssertion(() => Assert.Equal("Type a quantity in whole digits, like 25000: \"three\" is not one.", page.MessageUnder(box)));
        Assert.Equal(2, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task More_than_the_stock_is_kept_with_a_warning_and_checkout_shut()
    {
        var (shopper, page, product) = await CartWithAsync(2, stock: 3);
        var box = $"Quantity of {product.Name}";

        page.Type(box, "9");
        page.Field(box).Blur();

        page.WaitForAssertion(() => Assert.Equal("Only 3 left: lower the quantity to check out.", page.Find(".warning").TextContent.Trim()));
        Assert.True(page.Button("Go to checkout").HasAttribute("disabled"));
        Assert.Equal(9, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task A_negative_quantity_is_refused_rather_than_removing_the_line()
    {
        var (shopper, page, product) = await CartWithAsync(2);
        var box = $"Quantity of {product.Name}";

        page.Type(box, "-1");
        page.Field(box).Blur();

        page.WaitForAssertion(() => Assert.Equal("A quantity cannot be negative: type 0 to remove the line.", page.MessageUnder(box)));
        Assert.Equal(2, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task Removing_a_line_empties_the_cart_with_a_snackbar()
    {
        var (shopper, page, product) = await CartWithAsync(1);

        page.Press($"Remove {product.Name}");

        page.WaitForAssertion(() => Assert.Contains("Your cart is empty.", page.Markup, StringComparison.Ordinal));
        Assert.Contains($"{product.Name} is out of your cart.", Snackbars());
        Assert.Equal(0, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task Going_to_checkout_keeps_the_chosen_coupon()
    {
        var (_, page, _) = await CartWithAsync(1);

        page.Press("Go to checkout");

        Assert.Equal("http://localhost/checkout", Navigation.Uri);
    }
}
