namespace ECommerce.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ProductTests(ApiFactory shop)
{
    [Fact]
    public async Task Search_filters_sorts_and_pages_the_catalog()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var page = await shopper.GetJsonAsync("/api/products?minPrice=10000&maxPrice=100000&sort=PriceHighToLow&page=1&pageSize=5&inStock=true");

        var prices = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("price").GetInt64()).ToList();
        Assert.Equal(5, prices.Count);
        Assert.All(prices, p => Assert.InRange(p, 10_000, 100_000));
        Assert.Equal(prices.OrderByDescending(p => p), prices);
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("stock").GetInt32() > 0));
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 5);
    }

    [Fact]
    public async Task Search_by_category_and_keyword_finds_only_matches()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var first = (await shopper.GetJsonAsync("/api/products?pageSize=1")).GetProperty("items")[0];
        var category = first.GetProperty("categoryId").GetInt32();
        var word = first.GetProperty("name").GetString()!.Split(' ')[0];

        var found = await shopper.GetJsonAsync($"/api/products?category={category}&keyword={Uri.EscapeDataString(word)}");
        Assert.NotEmpty(found.GetProperty("items").EnumerateArray());
        Assert.All(found.GetProperty("items").EnumerateArray(), p => Assert.Equal(category, p.GetProperty("categoryId").GetInt32()));
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == first.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("/api/products?minPrice=500&maxPrice=100", "InvalidInput")]
    [InlineData("/api/products?minPrice=-1", "InvalidInput")]
    [InlineData("/api/products?sort=Cheapest", "InvalidInput")]
    [InlineData("/api/products?sort=2", "InvalidInput")]
    [InlineData("/api/products?page=abc", "MalformedRequest")]
    [InlineData("/api/products?inStock=maybe", "MalformedRequest")]
    [InlineData("/api/products?category=99999999999999", "MalformedRequest")]
    public async Task Bad_query_values_are_400_problems(string path, string code)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var response = await shopper.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task One_product_has_its_description_and_an_unknown_one_is_404()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var id = await shop.AddProductAsync(12_000, 3);

        var product = await shopper.GetJsonAsync($"/api/products/{id}");
        Assert.Equal(12_000, product.GetProperty("price").GetInt64());
        Assert.Equal(3, product.GetProperty("stock").GetInt32());
        Assert.Equal("For an API test.", product.GetProperty("description").GetString());

        using var missing = await shopper.GetAsync("/api/products/987654");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Top_sellers_are_at_most_five_ranked_from_one()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var top = (await shopper.GetJsonAsync("/api/products/top")).EnumerateArray().ToList();

        Assert.InRange(top.Count, 1, 5);
        Assert.Equal(Enumerable.Range(1, top.Count), top.Select(t => t.GetProperty("rank").GetInt32()));
        Assert.Equal(top.Select(t => t.GetProperty("unitsSold").GetInt64()).OrderByDescending(u => u), top.Select(t => t.GetProperty("unitsSold").GetInt64()));
    }
}
