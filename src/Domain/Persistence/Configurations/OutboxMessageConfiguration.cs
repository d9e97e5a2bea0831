using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Payload).HasMaxLength(100_000);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.TraceParent).HasMaxLength(ShopTracing.TraceParentMaxLength);
        b.Property(m => m.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
        b.HasIndex(m => new { m.State, m.Id }); // The admin's listing by state, newest first (schema version 2).
        b.HasIndex(m => m.LeaseId);
    }
}
