using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.Pages;

/// <summary>
/// Radzen's number boxes name themselves after their Name ("amount") unless told otherwise, which overrides the
/// label a sighted shopper reads. Every number box of the storefront must be named as its visible label says.
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
            foreach (var box in page.QuerySelectorAll("input[role=spinbutton]"))
            {
                var name = box.GetAttribute("aria-label");
                var label = page.QuerySelector($"label[for='{box.Id}']")?.TextContent.Trim();
                Assert.False(string.IsNullOrWhiteSpace(name), $"A number box on {path} has no name.");
                Assert.True(label is null || label == name, $"On {path} the box labelled \"{label}\" is named \"{name}\".");
                named.Add(name!);
            }
        }

        Assert.Equal(["Amount (₩)", "Quantity", "Lowest price (₩)", "Highest price (₩)", "Quantity of Brass Bowl"], named);
    }
}
