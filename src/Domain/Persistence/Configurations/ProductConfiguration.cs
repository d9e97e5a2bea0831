using ECommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

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
