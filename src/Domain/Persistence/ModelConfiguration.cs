using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> b)
    {
        b.HasKey(w => w.ShopperId);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.ToTable(t => t.HasCheckConstraint("CK_Wallets_Balance", "\"Balance\" >= 0"));
    }
}

internal sealed class WalletLedgerEntryConfiguration : IEntityTypeConfiguration<WalletLedgerEntry>
{
    public void Configure(EntityTypeBuilder<WalletLedgerEntry> b)
    {
        b.HasIndex(e => new { e.ShopperId, e.Id });
        // The debit of an order, for its detail page and the invariant checks over every paid order.
        b.HasIndex(e => e.OrderId);
        // A charge's idempotency key is unique per shopper: a double submit cannot charge twice. The key leads,
        // so a batch of charges finds the keys already used with one index seek each.
        b.HasIndex(e => new { e.IdempotencyKey, e.ShopperId }).IsUnique();
        b.Property(e => e.IdempotencyKey).HasMaxLength(100);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.SearchName).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CategoryId, p.Price });
        b.HasIndex(p => p.Price);
        b.HasIndex(p => p.SearchName);
        b.HasIndex(p => p.CreatedAt);
        b.HasIndex(p => p.Stock);
        b.ToTable(t => t.HasCheckConstraint("CK_Products_Stock", "\"Stock\" >= 0"));
    }
}

internal sealed class CatalogRevisionConfiguration : IEntityTypeConfiguration<CatalogRevision>
{
    public void Configure(EntityTypeBuilder<CatalogRevision> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> b)
    {
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasOne(a => a.Product).WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ProductId, a.Id });
    }
}

internal sealed class ProductSalesHourConfiguration : IEntityTypeConfiguration<ProductSalesHour>
{
    public void Configure(EntityTypeBuilder<ProductSalesHour> b)
    {
        b.HasKey(s => new { s.ProductId, s.HourStart });
        b.HasIndex(s => s.HourStart);
        b.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouponCampaignConfiguration : IEntityTypeConfiguration<CouponCampaign>
{
    public void Configure(EntityTypeBuilder<CouponCampaign> b)
    {
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(200);
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Remaining);
        b.Ignore(c => c.DiscountDescription);
        b.ToTable(t => t.HasCheckConstraint("CK_CouponCampaigns_Issued",
            "\"IssuedCount\" >= 0 AND \"IssuedCount\" <= \"TotalQuantity\""));
    }
}

internal sealed class IssuedCouponConfiguration : IEntityTypeConfiguration<IssuedCoupon>
{
    public void Configure(EntityTypeBuilder<IssuedCoupon> b)
    {
        b.HasOne(c => c.Campaign).WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        // One coupon per shopper per campaign, whatever races. Led by the shopper, it also finds a shopper's
        // coupons: one index, not two, to write at random places for every claim (schema version 3).
        b.HasIndex(c => new { c.ShopperId, c.CampaignId }).IsUnique();
        // The order holding the coupon, by id only: the coupon does not reach into the order.
        b.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.OrderId).IsUnique();
        // Used coupons per campaign for the admin; partial, so claiming a coupon does not write it (schema version 2).
        b.HasIndex(c => c.CampaignId, "IX_IssuedCoupons_CampaignId_Used").HasFilter("\"UsedAt\" IS NOT NULL");
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.RequestId).HasMaxLength(100);
        b.HasIndex(o => new { o.ShopperId, o.RequestId }).IsUnique();
        b.HasIndex(o => new { o.ShopperId, o.Id });
        b.HasIndex(o => new { o.Status, o.ExpiresAt });
        b.HasIndex(o => o.CreatedAt);
        // The admin's order list: by status or shopper within a date range, or by total (schema version 2).
        b.HasIndex(o => new { o.Status, o.CreatedAt });
        b.HasIndex(o => new { o.Status, o.Total });
        b.HasIndex(o => new { o.ShopperId, o.CreatedAt });
        b.HasIndex(o => o.Total);
        b.HasOne(o => o.IssuedCoupon).WithMany().HasForeignKey(o => o.IssuedCouponId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Property(l => l.ProductName).HasMaxLength(200);
        b.Ignore(l => l.LineTotal);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.ProductId);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        // One payment per order, enforced by the database as well as by the order's status.
        b.HasIndex(p => p.OrderId).IsUnique();
        b.HasOne(p => p.Order).WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PaidAt);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Payload).HasMaxLength(100_000);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
        b.HasIndex(m => new { m.State, m.Id }); // The admin's listing by state, newest first (schema version 2).
        b.HasIndex(m => m.LeaseId);
    }
}
