using ECommerce.Domain.Requests;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        // One outcome per key and shopper: the key leads, as the ledger's does, for one seek per lookup.
        b.HasIndex(r => new { r.Key, r.ShopperId }).IsUnique();
        b.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        b.Property(r => r.Response).HasMaxLength(65_536);
    }
}
