using ECommerce.Domain.Catalog;

namespace ECommerce.Storefront.Seeding;

/// <summary>Six shelves of products. A few are nearly sold out, so low stock shows from the first minute.</summary>
internal static class DemoCatalog
{
    public sealed record Item(string Name, long Price, int Stock, string Description);

    public static readonly IReadOnlyDictionary<string, Item[]> Shelves = new Dictionary<string, Item[]>
    {
        ["Coffee & Tea"] =
        [
            new("Ethiopia Yirgacheffe Beans 500g", 24_000, 180, "Light roast, notes of jasmine and lemon."),
            new("Colombia Huila Beans 500g", 21_000, 150, "Medium roast with caramel sweetness."),
            new("Espresso Blend 1kg", 36_000, 90, "Dark, syrupy and made for milk drinks."),
            new("Cold Brew Bottle 1L", 18_000, 240, "Steeped for 18 hours; keeps a week in the fridge."),
            new("Jeju Green Tea 100g", 15_000, 120, "First-flush leaves from Jeju island."),
            new("Barley Tea Bags 50", 6_500, 300, "Roasted barley, caffeine free, hot or cold."),
            new("Hand Grinder Ceramic Burr", 58_000, 60, "Adjustable grind from espresso to French press."),
            new("Pour-over Dripper", 27_000, 3, "Glazed porcelain dripper with spiral ribs."),
            new("Gooseneck Kettle 1L", 49_000, 45, "Steady pour for filter coffee."),
            new("Paper Filters 100", 5_000, 400, "Unbleached, fits size 02 drippers."),
            new("Matcha Ceremonial 30g", 32_000, 2, "Stone-ground tencha from Boseong."),
        ],
        ["Kitchen"] =
        [
            new("Cast Iron Skillet 26cm", 54_000, 40, "Pre-seasoned and oven safe."),
            new("Chef's Knife 20cm", 89_000, 25, "Molybdenum steel, full tang."),
            new("Bamboo Cutting Board", 23_000, 110, "End-grain bamboo, gentle on edges."),
            new("Stone Bowl Dolsot", 29_000, 35, "For bibimbap with a crisp crust."),
            new("Rice Cooker 6 Cups", 129_000, 20, "Pressure cooking with a keep-warm mode."),
            new("Silicone Spatula Set", 12_000, 160, "Three sizes, heat resistant to 230°C."),
            new("Glass Storage Jars 4", 26_000, 85, "Airtight lids for rice, beans and pasta."),
            new("Kimchi Container 5L", 19_000, 70, "Seals in the smell, keeps in the fizz."),
            new("Digital Kitchen Scale", 22_000, 95, "1 g steps up to 5 kg."),
            new("Enamel Dutch Oven 24cm", 168_000, 1, "Holds heat for slow braises."),
            new("Wooden Spoon Trio", 9_000, 200, "Oiled walnut wood."),
        ],
        ["Electronics"] =
        [
            new("Wireless Earbuds", 79_000, 130, "Noise cancelling, eight hours per charge."),
            new("USB-C Charger 65W", 39_000, 210, "Charges a laptop and a phone at once."),
            new("Mechanical Keyboard", 119_000, 55, "Hot-swap switches, Hangul keycaps."),
            new("Portable SSD 1TB", 139_000, 75, "USB 3.2, pocket sized."),
            new("Bluetooth Speaker", 69_000, 65, "Splash proof with twelve hours of play."),
            new("Smart Plug 2-pack", 29_000, 140, "Schedules and energy monitoring."),
            new("E-reader 7\"", 189_000, 2, "Warm light and a month of battery."),
            new("Webcam 1080p", 59_000, 80, "Auto focus with a privacy shutter."),
            new("Power Bank 20000mAh", 45_000, 160, "Fast charge for two devices."),
            new("Wireless Mouse", 25_000, 190, "Silent clicks, three devices."),
            new("Noise Cancelling Headphones", 299_000, 30, "Over-ear, thirty hours per charge."),
        ],
        ["Books"] =
        [
            new("The Vegetarian", 14_000, 120, "Han Kang's novel in three parts."),
            new("Pachinko", 18_500, 90, "Four generations of a Korean family in Japan."),
            new("Kim Jiyoung, Born 1982", 13_500, 110, "Cho Nam-joo's portrait of an ordinary life."),
            new("Please Look After Mom", 15_000, 70, "Shin Kyung-sook's novel of a family's search."),
            new("Korean Home Cooking", 32_000, 60, "Classic recipes, step by step."),
            new("Learn Hangul in a Week", 16_000, 150, "The alphabet, sound by sound."),
            new("Clean Architecture", 34_000, 45, "Robert C. Martin on software structure."),
            new("Designing Data-Intensive Applications", 48_000, 40, "Martin Kleppmann on data systems."),
            new("The Pragmatic Programmer", 38_000, 50, "Twentieth anniversary edition."),
            new("Almond", 13_000, 3, "Sohn Won-pyung's coming-of-age novel."),
            new("Hiking Trails of Korea", 21_000, 65, "Fifty routes from Seoraksan to Jeju."),
        ],
        ["Outdoor"] =
        [
            new("Trail Running Socks 3-pack", 19_000, 220, "Merino blend, cushioned heel."),
            new("Hiking Backpack 30L", 98_000, 40, "Ventilated back panel and rain cover."),
            new("Trekking Poles Pair", 65_000, 55, "Carbon, folding, cork grips."),
            new("Insulated Bottle 750ml", 29_000, 180, "Cold for a day, hot for twelve hours."),
            new("Camping Stove", 45_000, 35, "Compact burner with piezo ignition."),
            new("Two-person Tent", 219_000, 15, "Freestanding, 1.9 kg packed."),
            new("Headlamp 400lm", 27_000, 120, "Rechargeable with a red light mode."),
            new("Packable Rain Jacket", 89_000, 60, "Waterproof and folds into its pocket."),
            new("Folding Camp Chair", 39_000, 75, "Holds 120 kg, packs to 35 cm."),
            new("Sleeping Bag 3-season", 129_000, 1, "Comfortable down to 0°C."),
            new("First Aid Kit", 22_000, 140, "Sixty pieces in a waterproof pouch."),
        ],
        ["Stationery"] =
        [
            new("Gel Pen Set 12", 11_000, 260, "Smooth 0.5 mm tips in twelve colours."),
            new("Dotted Notebook A5", 9_500, 300, "160 pages of 100 g paper."),
            new("Fountain Pen", 42_000, 50, "Steel nib with a converter."),
            new("Washi Tape Set", 8_000, 210, "Ten rolls of patterned tape."),
            new("Desk Organizer", 24_000, 70, "Oak tray with three compartments."),
            new("Weekly Planner 2027", 16_000, 130, "Undated weekly spreads."),
            new("Highlighter Pastel 6", 7_500, 240, "Soft tones that do not bleed."),
            new("Mechanical Pencil 0.5", 6_000, 190, "Auto-advancing lead."),
            new("Sticky Notes Cube", 5_000, 320, "400 sheets in four colours."),
            new("Leather Pencil Case", 28_000, 2, "Full-grain leather with a zip."),
            new("Calligraphy Brush Set", 35_000, 40, "Three sizes for hangeul calligraphy."),
        ],
    };

    /// <summary>Adds the categories and products that are missing; returns every product id by name.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> EnsureAsync(
        InventoryService inventory, CatalogService catalog, string actor, CancellationToken ct)
    {
        var ids = new Dictionary<string, int>();
        var categories = (await catalog.GetCategoriesAsync(ct)).ToDictionary(c => c.Name, c => c.Id);
        foreach (var (shelf, items) in Shelves)
        {
            if (!categories.TryGetValue(shelf, out var categoryId))
            {
                categoryId = Expect(await inventory.AddCategoryAsync(shelf, ct)).Id;
            }

            var existing = Expect(await catalog.SearchAsync(new CatalogQuery(CategoryId: categoryId, PageSize: 100), ct)).Items
                .ToDictionary(p => p.Name, p => p.Id);
            foreach (var item in items)
            {
                ids[item.Name] = existing.TryGetValue(item.Name, out var id)
                    ? id
                    : Expect(await inventory.AddProductAsync(
                        new NewProduct(categoryId, item.Name, item.Description, item.Price, item.Stock), actor, ct)).Id;
            }
        }

        return ids;
    }

    private static T Expect<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Seeding the catalog failed: {result.Error.Message}");
}
