using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.Pages;

/// <summary>
/// Every number box of the storefront is named by the label a sighted shopper reads (a label element for its input),
/// and asks phones for the digits keyboard.
/// </summary>
[Collection(StorefrontCollection.Name)]
public sealed class NumberBoxLabelTests(StorefrontFactory factory)
{
    [Fact]
    public async Task Every_number_box_is_named_by_its_visible_label()
    {
        var (email, shopper) = await factory.NewShopperAsync();
        var product = await factory.NewProductAsync(name: "Brass Bowl");
        await factory.Get<CartService>().AddAsync(shopper, product.Id, 1);
        using var client = await factory.SignedInClientAsync(email);

        var named = new List<string>();
        foreach (var path in new[] { "/wallet", $"/products/{product.Id}", "/catalog", "/cart" })
        {
            var page = await client.GetPageAsync(path);
            foreach (var box in page.QuerySelectorAll(".number-box input"))
            {
                var label = page.QuerySelector($"label[for='{box.Id}']")?.TextContent.Trim();
                Assert.False(string.IsNullOrWhiteSpace(label), $"A number box on {path} has no label.");
                Assert.Equal("numeric", box.GetAttribute("inputmode"));
                named.Add(label!);
            }
        }

        Assert.Equal(["Amount (₩)", "Quantity", "Lowest price (₩)", "Highest price (₩)", "Quantity of Brass Bowl"], named);
    }
}
