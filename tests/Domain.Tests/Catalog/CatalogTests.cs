using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Catalog;

public sealed class CatalogTests
{
    /// <summary>Fruit: Red Apple 3,000 (10), Green apple juice 5,000 (0), Banana 2,000 (5); Tools: Hammer 15,000 (3), Apple peeler 8,000 (1).</summary>
    private sealed record Shelf(int Fruit, int Tools, int RedApple, int AppleJuice, int Banana, int Hammer, int Peeler);

    private static async Task<Shelf> StockTheShelfAsync(ShopHarness shop)
    {
        var fruit = await shop.AddCategoryAsync("Fruit");
        var tools = await shop.AddCategoryAsync("Tools");
        var redApple = await shop.AddProductAsync(3_000, 10, "Red Apple", fruit);
        var appleJuice = await shop.AddProductAsync(5_000, 0, "Green apple juice", fruit);
        var banana = await shop.AddProductAsync(2_000, 5, "Banana", fruit);
        var hammer = await shop.AddProductAsync(15_000, 3, "Hammer", tools);
        var peeler = await shop.AddProductAsync(8_000, 1, "Apple peeler", tools);
        return new Shelf(fruit, tools, redApple.Id, appleJuice.Id, banana.Id, hammer.Id, peeler.Id);
    }

    private static async Task<Page<ProductSummary>> SearchAsync(ShopHarness shop, CatalogQuery query)
    {
        var result = await shop.Catalog.SearchAsync(query);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private static async Task<string[]> NamesAsync(ShopHarness shop, CatalogQuery query) =>
        (await SearchAsync(shop, query)).Items.Select(p => p.Name).ToArray();

    /// <summary>Places and pays one order, charging the shopper what it costs.</summary>
    private static async Task SellAsync(ShopHarness shop, int productId, int quantity, string shopperId = "buyer")
    {
        var price = (await shop.Catalog.GetProductAsync(productId)).Value!.Price;
        await shop.ChargeAsync(shopperId, price * quantity);
        var order = await shop.PlaceAsync(shopperId, productId, quantity);
        var paid = await shop.Orders.PayAsync(shopperId, order.Id);
        Assert.True(paid.IsSuccess, paid.ToString());
    }

    [Fact]
    public async Task The_category_filter_shows_only_that_categorys_products()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);

        var page = await SearchAsync(shop, new CatalogQuery(CategoryId: shelf.Tools));

        Assert.Equal(["Apple peeler", "Hammer"], page.Items.Select(p => p.Name));
        Assert.All(page.Items, p => Assert.Equal("Tools", p.CategoryName));
        Assert.Equal(2, page.TotalCount);
    }

    [Theory]
    [InlineData("APPLE")]
    [InlineData("apple")]
    [InlineData("pPl")]
    [InlineData("  apple  ")]
    public async Task The_keyword_matches_part_of_the_name_whatever_the_case(string keyword)
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        Assert.Equal(["Apple peeler", "Green apple juice", "Red Apple"], await NamesAsync(shop, new CatalogQuery(Keyword: keyword)));
    }

    [Fact]
    public async Task A_blank_keyword_filters_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        Assert.Equal(5, (await SearchAsync(shop, new CatalogQuery(Keyword: "   "))).TotalCount);
    }

    [Fact]
    public async Task The_price_range_includes_both_ends()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        Assert.Equal(["Red Apple", "Green apple juice", "Apple peeler"],
            await NamesAsync(shop, new CatalogQuery(MinPrice: 3_000, MaxPrice: 8_000, Sort: CatalogSort.PriceLowToHigh)));
        Assert.Equal(["Apple peeler", "Hammer"],
            await NamesAsync(shop, new CatalogQuery(MinPrice: 8_000, Sort: CatalogSort.PriceLowToHigh)));
        Assert.Equal(["Banana", "Red Apple"],
            await NamesAsync(shop, new CatalogQuery(MaxPrice: 3_000, Sort: CatalogSort.PriceLowToHigh)));
        Assert.Equal(["Green apple juice"], await NamesAsync(shop, new CatalogQuery(MinPrice: 5_000, MaxPrice: 5_000)));
    }

    [Fact]
    public async Task In_stock_only_hides_sold_out_products()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        Assert.Equal(["Apple peeler", "Banana", "Hammer", "Red Apple"], await NamesAsync(shop, new CatalogQuery(InStockOnly: true)));
    }

    [Fact]
    public async Task Filters_combine()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);

        Assert.Equal(["Red Apple"],
            await NamesAsync(shop, new CatalogQuery(CategoryId: shelf.Fruit, Keyword: "apple", InStockOnly: true)));
    }

    [Fact]
    public async Task The_catalog_shows_the_stock_as_it_is_when_viewed()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);
        await SellAsync(shop, shelf.Banana, 2);

        var banana = (await SearchAsync(shop, new CatalogQuery(Keyword: "banana"))).Items.Single();

        Assert.Equal(3, banana.Stock);
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(shelf.Banana)).Value!.Stock);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task In_stock_only_hides_a_product_from_the_moment_it_sells_out()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);
        Assert.Contains("Apple peeler", await NamesAsync(shop, new CatalogQuery(InStockOnly: true)));

        await SellAsync(shop, shelf.Peeler, 1);

        Assert.DoesNotContain("Apple peeler", await NamesAsync(shop, new CatalogQuery(InStockOnly: true)));
        Assert.Equal(0, (await SearchAsync(shop, new CatalogQuery(Keyword: "peeler"))).Items.Single().Stock);
    }

    [Fact]
    public async Task A_product_added_after_a_search_is_found_by_the_next_one()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);
        Assert.Equal(3, (await SearchAsync(shop, new CatalogQuery(Keyword: "apple"))).TotalCount);

        await shop.AddProductAsync(1_000, 4, "Apple crumble", shelf.Fruit);

        Assert.Equal(["Apple crumble", "Apple peeler", "Green apple juice", "Red Apple"],
            await NamesAsync(shop, new CatalogQuery(Keyword: "apple")));
    }

    [Fact]
    public async Task A_product_added_by_another_process_is_found_here_at_once()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var neighbour = await shop.StartNeighbourAsync(TransactionShape.Serialized);
        var shelf = await StockTheShelfAsync(shop);
        Assert.Equal(2, (await SearchAsync(neighbour, new CatalogQuery(CategoryId: shelf.Tools))).TotalCount);

        await shop.AddProductAsync(30_000, 2, "Saw", shelf.Tools);

        Assert.Equal(["Apple peeler", "Hammer", "Saw"], (await SearchAsync(neighbour, new CatalogQuery(CategoryId: shelf.Tools))).Items.Select(p => p.Name));
    }

    [Fact]
    public async Task A_page_whose_products_all_still_exist_moves_when_another_process_adds_one_before_them()
    {
        // The page's rows come with the catalog's revision: here every row of the kept index's page is still in the
        // database, so only the revision can tell that the page is no longer the first.
        await using var shop = await ShopHarness.StartAsync();
        await using var neighbour = await shop.StartNeighbourAsync(TransactionShape.Serialized);
        var shelf = await StockTheShelfAsync(shop);
        var cheapestTool = new CatalogQuery(CategoryId: shelf.Tools, Sort: CatalogSort.PriceLowToHigh, PageSize: 1);
        Assert.Equal(["Apple peeler"], (await SearchAsync(neighbour, cheapestTool)).Items.Select(p => p.Name));

        await shop.AddProductAsync(1_000, 2, "Nail", shelf.Tools);

        var page = await SearchAsync(neighbour, cheapestTool);
        Assert.Equal(["Nail"], page.Items.Select(p => p.Name));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task A_search_that_found_nothing_finds_what_another_process_adds_since()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var neighbour = await shop.StartNeighbourAsync(TransactionShape.Serialized);
        var shelf = await StockTheShelfAsync(shop);
        Assert.Equal(0, (await SearchAsync(neighbour, new CatalogQuery(Keyword: "saw"))).TotalCount);

        await shop.AddProductAsync(30_000, 2, "Saw", shelf.Tools);

        Assert.Equal(["Saw"], (await SearchAsync(neighbour, new CatalogQuery(Keyword: "saw"))).Items.Select(p => p.Name));
    }

    [Theory]
    [InlineData(CatalogSort.Name, new[] { "Apple peeler", "Banana", "Green apple juice", "Hammer", "Red Apple" })]
    [InlineData(CatalogSort.PriceLowToHigh, new[] { "Banana", "Red Apple", "Green apple juice", "Apple peeler", "Hammer" })]
    [InlineData(CatalogSort.PriceHighToLow, new[] { "Hammer", "Apple peeler", "Green apple juice", "Red Apple", "Banana" })]
    public async Task Each_sort_order_sorts(CatalogSort sort, string[] expected)
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        Assert.Equal(expected, await NamesAsync(shop, new CatalogQuery(Sort: sort)));
    }

    [Fact]
    public async Task Newest_sorts_by_creation_time_latest_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync();
        await shop.AddProductAsync(name: "Made second", categoryId: category);
        shop.Clock.Advance(TimeSpan.FromMinutes(5));
        await shop.AddProductAsync(name: "Made last", categoryId: category);
        shop.Clock.Advance(TimeSpan.FromMinutes(-10));
        await shop.AddProductAsync(name: "Made first", categoryId: category);

        Assert.Equal(["Made last", "Made second", "Made first"], await NamesAsync(shop, new CatalogQuery(Sort: CatalogSort.Newest)));
    }

    [Fact]
    public async Task Equal_prices_keep_a_stable_order_by_product_id()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync();
        await shop.AddProductAsync(price: 1_000, name: "B first", categoryId: category);
        await shop.AddProductAsync(price: 1_000, name: "A second", categoryId: category);

        Assert.Equal(["B first", "A second"], await NamesAsync(shop, new CatalogQuery(Sort: CatalogSort.PriceLowToHigh)));
        Assert.Equal(["B first", "A second"], await NamesAsync(shop, new CatalogQuery(Sort: CatalogSort.PriceHighToLow)));
    }

    [Fact]
    public async Task Paging_splits_the_list_and_counts_pages()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var second = await SearchAsync(shop, new CatalogQuery(Page: 2, PageSize: 2));
        var third = await SearchAsync(shop, new CatalogQuery(Page: 3, PageSize: 2));
        var beyond = await SearchAsync(shop, new CatalogQuery(Page: 4, PageSize: 2));

        Assert.Equal(["Green apple juice", "Hammer"], second.Items.Select(p => p.Name));
        Assert.Equal(["Red Apple"], third.Items.Select(p => p.Name));
        Assert.Empty(beyond.Items);
        Assert.Equal((2, 2, 5, 3), (second.PageNumber, second.PageSize, second.TotalCount, second.PageCount));
        Assert.Equal(5, beyond.TotalCount);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(int.MaxValue, 100)]
    public async Task The_page_size_is_clamped_between_1_and_100(int requested, int expected)
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var page = await SearchAsync(shop, new CatalogQuery(PageSize: requested));

        Assert.Equal(expected, page.PageSize);
        Assert.Equal(Math.Min(expected, 5), page.Items.Count);
        Assert.Equal((5 + expected - 1) / expected, page.PageCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task A_page_below_1_is_the_first_page(int requested)
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var page = await SearchAsync(shop, new CatalogQuery(Page: requested, PageSize: 2));

        Assert.Equal(1, page.PageNumber);
        Assert.Equal(["Apple peeler", "Banana"], page.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_is_empty()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var page = await SearchAsync(shop, new CatalogQuery(Page: int.MaxValue, PageSize: 100));

        Assert.Empty(page.Items);
        Assert.Equal(5, page.TotalCount);
    }

    [Theory]
    [InlineData(-1L, null)]
    [InlineData(null, -1L)]
    [InlineData(5_001L, 5_000L)]
    public async Task A_negative_or_reversed_price_range_is_refused(long? min, long? max)
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var result = await shop.Catalog.SearchAsync(new CatalogQuery(MinPrice: min, MaxPrice: max));

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorCode.InvalidInput, result.Error.Code);
    }

    [Fact]
    public async Task A_keyword_over_100_characters_is_refused_and_100_is_accepted()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var tooLong = await shop.Catalog.SearchAsync(new CatalogQuery(Keyword: new string('a', 101)));
        var longest = await shop.Catalog.SearchAsync(new CatalogQuery(Keyword: new string('a', 100)));

        Assert.Equal(ErrorCode.InvalidInput, tooLong.Error?.Code);
        Assert.True(longest.IsSuccess, longest.ToString());
        Assert.Empty(longest.Value.Items);
    }

    [Theory]
    [InlineData("\tbanana\0")]
    [InlineData("\u0001banana\r\n")]
    public async Task Control_characters_in_a_keyword_are_read_as_spaces(string typed)
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);

        var found = await SearchAsync(shop, new CatalogQuery(Keyword: typed));

        Assert.Equal([shelf.Banana], found.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_keyword_of_only_control_characters_searches_for_nothing_in_particular()
    {
        await using var shop = await ShopHarness.StartAsync();
        await StockTheShelfAsync(shop);

        var found = await SearchAsync(shop, new CatalogQuery(Keyword: "\0\u0001 \t"));

        Assert.Equal(5, found.TotalCount);
    }

    [Fact]
    public async Task Categories_are_listed_by_name_with_their_product_counts()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);

        var categories = await shop.Catalog.GetCategoriesAsync();

        Assert.Equal([(shelf.Fruit, "Fruit", 3), (shelf.Tools, "Tools", 2)], categories.Select(c => (c.Id, c.Name, c.ProductCount)));
    }

    [Fact]
    public async Task A_product_detail_shows_its_category_price_and_stock()
    {
        await using var shop = await ShopHarness.StartAsync();
        var shelf = await StockTheShelfAsync(shop);

        var hammer = await shop.Catalog.GetProductAsync(shelf.Hammer);

        Assert.True(hammer.IsSuccess, hammer.ToString());
        Assert.Equal(("Hammer", "Tools", 15_000L, 3), (hammer.Value.Name, hammer.Value.CategoryName, hammer.Value.Price, hammer.Value.Stock));
    }

    [Fact]
    public async Task An_unknown_product_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Catalog.GetProductAsync(12345);

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
    }

    [Fact]
    public async Task Top_sellers_rank_by_units_sold_with_ties_broken_by_product_id_and_stop_at_five()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync();
        var products = new List<ProductDetail>();
        for (var i = 0; i < 7; i++)
        {
            products.Add(await shop.AddProductAsync(price: 1_000, stock: 20, name: $"P{i}", categoryId: category));
        }

        int[] units = [3, 5, 1, 2, 4, 2, 1];
        for (var i = 0; i < units.Length; i++)
        {
            await SellAsync(shop, products[i].Id, units[i]);
        }

        // A second order of the same product adds up.
        await SellAsync(shop, products[2].Id, 1, "other");

        var top = await shop.Catalog.GetTopSellersAsync();

        Assert.Equal(
            [(1, "P1", 5L), (2, "P4", 4L), (3, "P0", 3L), (4, "P2", 2L), (5, "P3", 2L)],
            top.Select(t => (t.Rank, t.Name, t.UnitsSold)));
        Assert.Equal(products[1].Id, top[0].ProductId);
        Assert.Equal(15, top[0].Stock);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Top_sellers_count_only_paid_orders()
    {
        await using var shop = await ShopHarness.StartAsync();
        var paid = await shop.AddProductAsync(stock: 50, name: "Paid once");
        var unpaid = await shop.AddProductAsync(stock: 50, name: "Only placed");
        var cancelled = await shop.AddProductAsync(stock: 50, name: "Only cancelled");
        await SellAsync(shop, paid.Id, 1);
        await shop.PlaceAsync("ann", paid.Id, 10);
        await shop.PlaceAsync("ann", unpaid.Id, 10);
        var toCancel = await shop.PlaceAsync("ann", cancelled.Id, 10);
        Assert.True((await shop.Orders.CancelAsync("ann", toCancel.Id)).IsSuccess);

        var top = await shop.Catalog.GetTopSellersAsync();

        var only = Assert.Single(top);
        Assert.Equal((paid.Id, 1L, 49), (only.ProductId, only.UnitsSold, only.Stock));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Sales_drop_out_of_the_top_sellers_after_the_72_hour_window()
    {
        await using var shop = await ShopHarness.StartAsync();
        var early = await shop.AddProductAsync(stock: 50, name: "Early");
        var later = await shop.AddProductAsync(stock: 50, name: "Later");
        await SellAsync(shop, early.Id, 5); // 10:30, counted in the 10:00 hour
        shop.Clock.Advance(TimeSpan.FromHours(2));
        await SellAsync(shop, later.Id, 1); // 12:30

        // 09:59 three days on: the 10:00 hour is the oldest of the 72.
        shop.Clock.Advance(TimeSpan.FromHours(69) + TimeSpan.FromMinutes(29));
        Assert.Equal(["Early", "Later"], (await shop.Catalog.GetTopSellersAsync()).Select(t => t.Name));

        // 10:00: a new hour begins and the 10:00 hour of three days ago drops out.
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["Later"], (await shop.Catalog.GetTopSellersAsync()).Select(t => t.Name));

        shop.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await shop.Catalog.GetTopSellersAsync());
    }

    [Fact]
    public async Task Top_sellers_show_the_stock_as_it_is_now()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);
        await SellAsync(shop, product.Id, 4);
        Assert.Equal(6, (await shop.Catalog.GetTopSellersAsync()).Single().Stock);

        await shop.Inventory.AdjustStockAsync(product.Id, 20, "Delivery", "admin");

        Assert.Equal(26, (await shop.Catalog.GetTopSellersAsync()).Single().Stock);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task No_sales_means_no_top_sellers()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.AddProductAsync();

        Assert.Empty(await shop.Catalog.GetTopSellersAsync());
    }

    [Fact]
    public async Task Restocks_and_corrections_are_kept_in_the_history_with_reason_and_actor()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);

        shop.Clock.Advance(TimeSpan.FromHours(1));
        var restocked = await shop.Inventory.AdjustStockAsync(product.Id, 5, "  Delivery 42  ", "admin1");
        var corrected = await shop.Inventory.AdjustStockAsync(product.Id, -3, "Broken in the shop", "admin2");

        Assert.Equal(15, restocked.Value?.Stock);
        Assert.Equal(12, corrected.Value?.Stock);
        Assert.Equal(12, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        var history = (await shop.Inventory.GetStockHistoryAsync(product.Id)).Items;
        Assert.Equal(
            [(-3, 12, "Broken in the shop", "admin2"), (5, 15, "Delivery 42", "admin1"), (10, 10, InventoryService.OpeningStockReason, "test")],
            history.Select(h => (h.Delta, h.StockAfter, h.Reason, h.Actor)));
        Assert.Equal(ShopHarness.Start.UtcDateTime.AddHours(1), history[0].At);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_history_is_read_a_page_at_a_time_newest_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 0);
        var other = await shop.AddProductAsync(stock: 0);
        for (var delivery = 1; delivery <= 12; delivery++)
        {
            Assert.True((await shop.Inventory.AdjustStockAsync(product.Id, 1, $"Delivery {delivery}", "admin")).IsSuccess);
        }

        var second = await shop.Inventory.GetStockHistoryAsync(product.Id, page: 2, pageSize: 5);

        Assert.Equal(13, second.TotalCount); // The opening stock and twelve deliveries; none of the other product's.
        Assert.Equal(3, second.PageCount);
        Assert.Equal(["Delivery 7", "Delivery 6", "Delivery 5", "Delivery 4", "Delivery 3"], second.Items.Select(h => h.Reason));
        Assert.Equal(1, (await shop.Inventory.GetStockHistoryAsync(other.Id)).TotalCount);
    }

    [Fact]
    public async Task Stock_may_be_corrected_down_to_exactly_zero()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);

        var result = await shop.Inventory.AdjustStockAsync(product.Id, -3, "Stolen", "admin");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(0, result.Value.Stock);
        await shop.AssertInvariantsAsync();
    }

    public static TheoryData<int, string> RefusedAdjustments => new()
    {
        { 0, "Counted" },
        { 5, "" },
        { 5, "   " },
        { 5, new string('r', 501) },
    };

    [Theory]
    [MemberData(nameof(RefusedAdjustments))]
    public async Task A_zero_change_or_a_missing_or_too_long_reason_is_refused_and_changes_nothing(int delta, string reason)
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await shop.Inventory.AdjustStockAsync(product.Id, delta, reason, "admin");

        Assert.Equal(ErrorCode.InvalidInput, result.Error?.Code);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Single((await shop.Inventory.GetStockHistoryAsync(product.Id)).Items);
    }

    [Fact]
    public async Task A_change_below_zero_is_refused_with_the_current_stock_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await shop.Inventory.AdjustStockAsync(product.Id, -4, "Stolen", "admin");

        Assert.Equal(ErrorCode.StockWouldGoNegative, result.Error?.Code);
        Assert.Equal(3, result.Error?.CurrentValue);
        Assert.Equal(product.Id, result.Error?.ProductId);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
    }

    [Fact]
    public async Task A_change_made_against_a_stale_stock_figure_is_refused_with_the_current_value()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);
        await shop.Inventory.AdjustStockAsync(product.Id, 2, "Found two more", "admin1");
        var before = await ShopSnapshot.TakeAsync(shop);

        var stale = await shop.Inventory.AdjustStockAsync(product.Id, 5, "Delivery", "admin2", expectedStock: 10);

        Assert.Equal(ErrorCode.StockChanged, stale.Error?.Code);
        Assert.Equal(12, stale.Error?.CurrentValue);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));

        var fresh = await shop.Inventory.AdjustStockAsync(product.Id, 5, "Delivery", "admin2", expectedStock: 12);
        Assert.True(fresh.IsSuccess, fresh.ToString());
        Assert.Equal(17, fresh.Value.Stock);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Adjusting_an_unknown_product_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.AddProductAsync();
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await shop.Inventory.AdjustStockAsync(12345, 5, "Delivery", "admin");

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
    }

    [Fact]
    public async Task Sorting_by_name_ignores_letter_case()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync();
        await shop.AddProductAsync(name: "Zebra mug", categoryId: category);
        await shop.AddProductAsync(name: "apple mug", categoryId: category);
        await shop.AddProductAsync(name: "Banana mug", categoryId: category);

        var page = (await shop.Catalog.SearchAsync(new CatalogQuery(CategoryId: category, Sort: CatalogSort.Name))).Value!;

        Assert.Equal(["apple mug", "Banana mug", "Zebra mug"], page.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task A_price_above_the_maximum_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync();

        var refused = await shop.Inventory.AddProductAsync(new NewProduct(category, "Gold bar", "", Product.MaxPrice + 1, 1), "admin");
        var accepted = await shop.Inventory.AddProductAsync(new NewProduct(category, "Gold bar", "", Product.MaxPrice, 1), "admin");

        Assert.Equal(ErrorCode.InvalidInput, refused.Error!.Code);
        Assert.Contains("₩100,000,000", refused.Error.Message);
        Assert.True(accepted.IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_stock_change_without_an_actor_is_refused(string actor)
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);
        var category = await shop.AddCategoryAsync();

        var adjusted = await shop.Inventory.AdjustStockAsync(product.Id, 5, "Restock", actor);
        var added = await shop.Inventory.AddProductAsync(new NewProduct(category, "Mug", "", 1_000, 1), actor);

        Assert.Equal(ErrorCode.InvalidInput, adjusted.Error!.Code);
        Assert.Equal(ErrorCode.InvalidInput, added.Error!.Code);
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
    }
}
