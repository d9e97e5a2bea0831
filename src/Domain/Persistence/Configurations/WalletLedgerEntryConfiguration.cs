using ECommerce.Domain.Wallets;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

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
