using ECommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

internal sealed class ProductSalesHourConfiguration : IEntityTypeConfiguration<ProductSalesHour>
{
    public void Configure(EntityTypeBuilder<ProductSalesHour> b)
    {
        b.HasKey(s => new { s.ProductId, s.HourStart });
        b.HasIndex(s => s.HourStart);
        b.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
