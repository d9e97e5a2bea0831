using ECommerce.Domain.Auditing;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Requests;
using ECommerce.Domain.Wallets;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// The shop's tables. Abstract: each store has its own subclass (<see cref="Migrations.Sqlite.SqliteShopDbContext"/>, …)
/// because EF Core keeps one migration history per context type, and each store needs its own (docs/schema.md).
/// </summary>
internal abstract class ShopDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Every optimistic concurrency token in the model is a <see cref="long"/> property of this name.</summary>
    internal const string VersionProperty = "Version";

    public DbSet<Wallet> Wallets => Set<Wallet>();
    public DbSet<WalletLedgerEntry> WalletLedger => Set<WalletLedgerEntry>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<CatalogRevision> CatalogRevisions => Set<CatalogRevision>();
    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();
    public DbSet<ProductSalesHour> ProductSalesHours => Set<ProductSalesHour>();
    public DbSet<CouponCampaign> CouponCampaigns => Set<CouponCampaign>();
    public DbSet<IssuedCoupon> IssuedCoupons => Set<IssuedCoupon>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AdminAction> AdminActions => Set<AdminAction>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(256);
    }

    /// <summary>
    /// What the running unit of work changed, for the open pages (<see cref="Live.ChangeFeed"/>); set by the unit
    /// of work only, so a pooled context outside one notes nothing.
    /// </summary>
    internal Live.ShopChanges? Changes { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        BumpVersions();
        var noted = NoteChanges();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        noted?.Invoke();
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectChangesOnce();
        BumpVersions();
        var noted = NoteChanges();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        noted?.Invoke();
        return saved;
    }

    /// <summary>
    /// Scans the tracked entities for changes once for the whole save: <see cref="BumpVersions"/>,
    /// <see cref="NoteChanges"/> (through <c>Entries()</c>) and EF's own save would each scan again, and a batch of
    /// placements or payments tracks hundreds of entities (a fifth of a one-core profile was these scans). The
    /// version bump marks its property itself, so nothing after this scan goes unseen.
    /// </summary>
    private DetectionPaused DetectChangesOnce()
    {
        ChangeTracker.DetectChanges();
        var paused = new DetectionPaused(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return paused;
    }

    private readonly record struct DetectionPaused(ChangeTracker Tracker, bool WasOn) : IDisposable
    {
        public void Dispose() => Tracker.AutoDetectChangesEnabled = WasOn;
    }

    /// <summary>
    /// Notes the products, campaigns and orders this save writes; the returned step runs once saved, when the
    /// database has given new rows their ids.
    /// </summary>
    private Action? NoteChanges()
    {
        if (Changes is not { } changes)
        {
            return null;
        }

        // The states are read before the save, which marks every entry unchanged; new rows' ids after it.
        var written = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, Listed: e.State == EntityState.Added || e.Entity is Product
                && (e.Property(nameof(Product.Name)).IsModified || e.Property(nameof(Product.Price)).IsModified)))
            .ToList();
        return () =>
        {
            foreach (var (entity, listed) in written)
            {
                switch (entity)
                {
                    case Product product:
                        changes.Products.Add(product.Id);
                        changes.Catalog |= listed;
                        break;
                    case CouponCampaign campaign:
                        changes.Campaigns.Add(campaign.Id);
                        break;
                    case Order:
                        changes.Orders = true;
                        break;
                }
            }
        };
    }

    /// <summary>
    /// Each update of a versioned row writes Version + 1 under "WHERE Version = original": a row changed by
    /// someone else since it was read makes the update touch nothing, and EF raises a concurrency conflict.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified || entry.Metadata.FindProperty(VersionProperty) is not { } property)
            {
                continue;
            }

            var version = entry.Property(property.Name);
            version.CurrentValue = (long)version.OriginalValue! + 1;
        }
    }
}
