using ECommerce.Domain.Auditing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Domain.Persistence.Configurations;

internal sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> b)
    {
        // Read newest first by Id, its primary key: no further index needed.
        b.Property(a => a.Subject).HasMaxLength(AdminAction.MaxSubjectLength);
        b.Property(a => a.Details).HasMaxLength(AdminAction.MaxDetailsLength);
    }
}
