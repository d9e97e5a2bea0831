using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

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
