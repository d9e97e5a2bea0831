using ECommerce.Domain.Auditing;

namespace ECommerce.Domain.Catalog;

/// <summary>What the shop keeps on its shelves: categories, products, and stock changes with their reasons.</summary>
public sealed class InventoryService(UnitOfWork unitOfWork, ShopDatabase database, TimeProvider clock)
{
    public const string OpeningStockReason = "Opening stock";

    public async Task<Result<CategoryView>> AddCategoryAsync(string name, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return ShopError.Invalid("A category name needs 1 to 100 characters.");
        }

        var result = await unitOfWork.RunAsync<Category>(async db =>
        {
            var trimmed = name.Trim();
            if (await db.Categories.AnyAsync(c => c.Name == trimmed, ct))
            {
                return ShopError.Invalid($"The category \"{trimmed}\" already exists.");
            }

            var category = new Category(trimmed);
            db.Categories.Add(category);
            return category;
        }, ct);
        return result.Map(c => new CategoryView(c.Id, c.Name, 0));
    }

    public async Task<Result<ProductDetail>> AddProductAsync(NewProduct spec, string actor, CancellationToken ct = default)
    {
        if (InputChecks.Actor(actor) is { } noActor)
        {
            return noActor;
        }

        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Trim().Length > 200)
        {
            return ShopError.Invalid("A product name needs 1 to 200 characters.");
        }

        if (spec.Price < 0 || spec.InitialStock < 0)
        {
            return ShopError.Invalid("Price and stock cannot be negative.");
        }

        if (spec.Price > Product.MaxPrice)
        {
            return ShopError.Invalid($"A price can be at most {Money.Format(Product.MaxPrice)}.");
        }

        if (spec.Description.Length > 2000)
        {
            return ShopError.Invalid("A description can be at most 2,000 characters long.");
        }

        var result = await unitOfWork.RunAsync<Product>(async db =>
        {
            var category = await db.Categories.FindAsync([spec.CategoryId], ct);
            if (category is null)
            {
                return ShopError.NotFound("Category", spec.CategoryId);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var product = new Product(category, spec.Name, spec.Description, spec.Price, now);
            db.Products.Add(product);
            db.StockAdjustments.Add(product.AdjustStock(spec.InitialStock, OpeningStockReason, actor, now));
            await CatalogRevision.TouchAsync(db, now, ct);
            AuditLog.Record(db, now, actor, AdminActionKind.ProductAdded, $"Product \"{product.Name}\"",
                $"{category.Name}, {Money.Format(product.Price)}, opening stock {product.Stock}");
            return product;
        }, ct);
        return result.Map(ToDetail);
    }

    /// <summary>
    /// Restocks (positive <paramref name="delta"/>) or corrects stock, with a reason kept in the history.
    /// When <paramref name="expectedStock"/> is given and the stock is no longer that, nothing changes
    /// and the caller is told the current value: a second admin never silently overwrites the first.
    /// </summary>
    public async Task<Result<ProductDetail>> AdjustStockAsync(int productId, int delta, string reason, string actor,
        int? expectedStock = null, CancellationToken ct = default)
    {
        if (InputChecks.Actor(actor) is { } noActor)
        {
            return noActor;
        }

        if (delta == 0)
        {
            return ShopError.Invalid("Enter a change other than zero.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            return ShopError.Invalid("Give a reason of 1 to 500 characters for the change.");
        }

        var result = await unitOfWork.RunAsync<Product>(async db =>
        {
            var product = await db.Products.Include(p => p.Category).FirstOrDefaultAsync(p => p.Id == productId, ct);
            if (product is null)
            {
                return ShopError.NotFound("Product", productId);
            }

            if (expectedStock is { } expected && expected != product.Stock)
            {
                return new ShopError(ErrorCode.StockChanged,
                    $"The stock of \"{product.Name}\" changed to {product.Stock} while you were editing; nothing was saved.")
                {
                    ProductId = product.Id,
                    CurrentValue = product.Stock,
                };
            }

            if (product.CheckCanAdjust(delta) is { } refusal)
            {
                return refusal;
            }

            var (now, before) = (clock.GetUtcNow().UtcDateTime, product.Stock);
            db.StockAdjustments.Add(product.AdjustStock(delta, reason.Trim(), actor, now));
            AuditLog.Record(db, now, actor, AdminActionKind.StockAdjusted, $"Product {product.Id} \"{product.Name}\"",
                $"{delta:+#;-#} ({before} → {product.Stock}): {reason.Trim()}");
            return product;
        }, ct);
        return result.Map(ToDetail);
    }

    /// <summary>A product's stock changes, newest first, one page at a time: a busy product's history grows without end.</summary>
    public async Task<Page<StockAdjustmentView>> GetStockHistoryAsync(int productId, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        return await db.StockAdjustments
            .Where(a => a.ProductId == productId)
            .OrderByDescending(a => a.Id)
            .Select(a => new StockAdjustmentView(a.Id, a.Delta, a.StockAfter, a.Reason, a.Actor, a.CreatedAt))
            .ToPageAsync(page, pageSize, ct);
    }

    private static ProductDetail ToDetail(Product p) =>
        new(p.Id, p.Name, p.Description, p.CategoryId, p.Category?.Name ?? "", p.Price, p.Stock, p.Version);
}
