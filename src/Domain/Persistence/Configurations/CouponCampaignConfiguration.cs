using ECommerce.Domain.Coupons;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

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
