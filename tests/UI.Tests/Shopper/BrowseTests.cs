using Bunit;
using ECommerce.Domain.Coupons;
using ECommerce.Storefront.Components.Pages.Catalog;
using ECommerce.Storefront.Components.Pages.Checkout;
using ECommerce.Storefront.Components.Pages.Coupons;
using ECommerce.Storefront.Components.Pages.Home;
using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.Shopper;

/// <summary>Browsing: the home page, the catalog's search and filters, claiming a coupon, checking out.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class BrowseTests(StorefrontFactory shop) : ShopContext(shop)
{
    [Fact]
    public void The_home_page_charts_the_top_5_and_lists_shelves_and_coupons()
    {
        var page = RenderInShop<Home>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("ol[aria-label='Top 5 best sellers'] li").Count));
        Assert.Equal(5, page.FindAll(".top-five .mud-chart rect.mud-chart-bar, .top-five .mud-chart path.mud-chart-bar").Count);
        Assert.All(page.FindAll(".top-seller"), li => Assert.NotNull(li.QuerySelector(".product-art img")));
        Assert.Contains("Coffee & Tea", page.Find(".category-list").TextContent, StringComparison.Ordinal);
        Assert.Equal("coupons", page.Find(".claim-link").GetAttribute("href"));
    }

    [Fact]
    public void Searching_applies_the_words_typed_from_page_1()
    {
        CatalogQuery? applied = null;
        var toolbar = RenderInShop<CatalogToolbar>(p => p
            .Add(t => t.Query, new CatalogQuery(Page: 3))
            .Add(t => t.Apply, q => applied = q));

        toolbar.Type("Search products", "  cold brew ");
        toolbar.Press("Search");

        Assert.Equal(new CatalogQuery(Keyword: "cold brew", Page: 1), applied);
    }

    [Fact]
    public void Prices_apply_as_typed_and_a_price_that_is_no_number_is_refused_under_its_box()
    {
        CatalogQuery? applied = null;
        var filters = RenderInShop<CatalogFilters>(p => p
            .Add(f => f.Query, new CatalogQuery())
            .Add(f => f.Categories, [])
            .Add(f => f.Apply, q => applied = q));

        filters.Type("Lowest price (₩)", "1e4");
        filters.Type("Highest price (₩)", "50,000");
        filters.Press("Apply prices");
        Assert.Null(applied);
        Assert.Equal("Type a price in whole digits, like 25000: \"1e4\" is not one.", filters.MessageUnder("Lowest price (₩)"));

        filters.Type("Lowest price (₩)", "10000");
        filters.Press("Apply prices");
        Assert.Equal(new CatalogQuery(MinPrice: 10_000, MaxPrice: 50_000), applied);
    }

    [Fact]
    public void In_stock_only_applies_at_once()
    {
        CatalogQuery? applied = null;
        var filters = RenderInShop<CatalogFilters>(p => p
            .Add(f => f.Query, new CatalogQuery(Page: 2))
            .Add(f => f.Categories, [])
            .Add(f => f.Apply, q => applied = q));

        filters.Find("input[type=checkbox]").Change(true);

        Assert.Equal(new CatalogQuery(InStockOnly: true, Page: 1), applied);
    }

    [Fact]
    public void The_catalog_finds_coffee_by_its_shelf_and_shows_pictures()
    {
        Navigation.NavigateTo("catalog?q=coffee");

        var page = RenderInShop<CatalogPage>();

        page.WaitForAssertion(() => Assert.Equal("Results for \"coffee\"", page.Find("h1").TextContent));
        var cards = page.FindAll(".product-card");
        Assert.True(cards.Count >= 5, page.Find("[data-testid=result-count]").TextContent);
        Assert.Contains(cards, c => c.QuerySelector(".category")!.TextContent == "Coffee & Tea");
        Assert.All(cards, c => Assert.NotNull(c.QuerySelector(".product-art img")));
    }

    [Fact]
    public void A_refused_filter_says_why()
    {
        Navigation.NavigateTo("catalog?min=9000&max=1000");

        var page = RenderInShop<CatalogPage>();

        page.WaitForAssertion(() => Assert.Equal("The lowest price is above the highest price.", page.Find(".error-notice .message").TextContent));
    }

    [Fact]
    public async Task Claiming_a_coupon_says_so_and_lists_it_among_the_shoppers_coupons()
    {
        var shopper = await SignInNewShopperAsync();
        var page = RenderInShop<CouponsPage>();
        page.WaitForAssertion(() => page.Button("Claim Welcome: ₩3,000 off"));

        page.Press("Claim Welcome: ₩3,000 off");

        page.WaitForAssertion(() => Assert.Contains("You claimed \"Welcome: ₩3,000 off\"", page.Find(".success-notice").TextContent, StringComparison.Ordinal));
        Assert.Contains("You hold a coupon of Welcome: ₩3,000 off.", Snackbars());
        // The cards are read again after the claim: the campaign then says the shopper holds it.
        page.WaitForAssertion(() => Assert.True(page.Button("You hold this coupon").HasAttribute("disabled")));
        Assert.Contains(await Shop.Get<CouponService>().GetMyCouponsAsync(shopper), c => c.CampaignName == "Welcome: ₩3,000 off");
    }

    [Fact]
    public void A_visitor_who_claims_is_sent_to_sign_in()
    {
        Navigation.NavigateTo("coupons");
        var page = RenderInShop<CouponsPage>();
        page.WaitForAssertion(() => page.Button("Claim Welcome: ₩3,000 off"));

        page.Press("Claim Welcome: ₩3,000 off");

        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placing_the_order_hands_it_on_once_however_often_pressed()
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(price: 9_000, stock: 5);
        await Shop.Get<CartService>().AddAsync(shopper, product.Id, 2);
        var cart = await Shop.Get<CartService>().GetAsync(shopper);
        var placed = new List<int>();
        var panel = RenderInShop<PlaceOrderPanel>(p => p
            .Add(x => x.Cart, cart)
            .Add(x => x.Balance, 0)
            .Add(x => x.Placed, o => placed.Add(o.Id)));
        Assert.Contains("Your balance is ₩18,000 short.", panel.Find(".short").TextContent, StringComparison.Ordinal);

        panel.Press("Place order");

        panel.WaitForAssertion(() => Assert.Single(placed));
        Assert.Equal(0, await Shop.Get<CartService>().CountUnitsAsync(shopper));
    }

    [Fact]
    public async Task Checkout_reviews_the_cart_then_offers_to_pay_the_placed_order()
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync(price: 9_000, stock: 5, name: "Hanji Lamp");
        await Shop.Get<CartService>().AddAsync(shopper, product.Id, 1);
        var page = RenderInShop<CheckoutPage>();
        page.WaitForAssertion(() => Assert.Contains("Hanji Lamp", page.Markup, StringComparison.Ordinal));

        page.Press("Place order");

        page.WaitForAssertion(() => Assert.Contains("is placed and awaits payment", page.Find("h2").TextContent, StringComparison.Ordinal));
        Assert.True(page.HasButton("Pay ₩9,000"));
    }
}
