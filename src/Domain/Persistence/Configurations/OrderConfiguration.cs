using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

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
