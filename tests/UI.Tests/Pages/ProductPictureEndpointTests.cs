using System.Net;
using System.Net.Http.Headers;
using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Pages;

/// <summary>Product pictures as image files: what pages link to instead of writing the SVG into their HTML.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class ProductPictureEndpointTests(StorefrontFactory factory)
{
    [Fact]
    public async Task A_product_picture_is_a_cacheable_svg_of_that_product()
    {
        var product = await factory.NewProductAsync(name: "Jeju Green Tea");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/products/{product.Id}/picture.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProductPictureEndpoint.CacheControl, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(ProductPicture.Svg(product.Id, product.Name, product.CategoryName), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_that_kept_the_picture_gets_304_without_a_body()
    {
        var product = await factory.NewProductAsync();
        using var client = factory.CreateClient();
        var path = new Uri($"/products/{product.Id}/picture.svg", UriKind.Relative);
        using var first = await client.GetAsync(path);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"another-picture\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("/products/999999/picture.svg")]
    [InlineData("/products/0/picture.svg")]
    public async Task An_unknown_product_has_no_picture(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    public async Task Pages_link_the_pictures_instead_of_carrying_them(string path)
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync(path);

        var pictures = page.QuerySelectorAll(".product-art img");
        Assert.NotEmpty(pictures);
        Assert.Empty(page.QuerySelectorAll(".product-art svg"));
        foreach (var picture in pictures)
        {
            Assert.Matches("^products/[0-9]+/picture\\.svg$", picture.GetAttribute("src"));
            Assert.StartsWith("Picture of ", picture.GetAttribute("alt"), StringComparison.Ordinal);
            Assert.Equal("lazy", picture.GetAttribute("loading"));
            using var response = await client.GetAsync(new Uri("/" + picture.GetAttribute("src"), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
