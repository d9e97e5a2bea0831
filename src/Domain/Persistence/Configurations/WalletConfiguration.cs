using ECommerce.Domain.Wallets;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> b)
    {
        b.HasKey(w => w.ShopperId);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.ToTable(t => t.HasCheckConstraint("CK_Wallets_Balance", "\"Balance\" >= 0"));
    }
}
