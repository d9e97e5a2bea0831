using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Components;

/// <summary>Product pictures are drawn by code: the same product always looks the same, neighbours differ, names are safe.</summary>
public sealed class ProductPictureTests
{
    [Fact]
    public void A_picture_is_an_svg_with_the_shelf_icon_the_initials_and_a_label()
    {
        var svg = ProductPicture.Svg(7, "Jeju Green Tea", "Coffee & Tea");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Picture of Jeju Green Tea\"", svg, StringComparison.Ordinal);
        Assert.Contains(">JG</text>", svg, StringComparison.Ordinal);
        Assert.Contains(CategoryLook.IconFor("Coffee & Tea"), svg, StringComparison.Ordinal);
        Assert.Equal(svg, ProductPicture.Svg(7, "Jeju Green Tea", "Coffee & Tea"));
        Assert.NotEqual(svg, ProductPicture.Svg(8, "Jeju Green Tea", "Coffee & Tea"));
    }

    [Fact]
    public void A_name_with_markup_is_drawn_as_text()
    {
        var svg = ProductPicture.Svg(1, "<script>alert(1)</script> Mug", "Kitchen");

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("Picture of &lt;script&gt;", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cold Brew Bottle 1L", "CB")]
    [InlineData("almond", "A")]
    [InlineData("  -- Odd  name", "ON")]
    [InlineData("", "")]
    public void Initials_are_the_first_letters_of_the_first_two_words(string name, string initials) =>
        Assert.Equal(initials, ProductPicture.Initials(name));
}
