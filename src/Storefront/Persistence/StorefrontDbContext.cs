using ECommerce.Storefront.ShoppingCart;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ECommerce.Storefront.Persistence;

/// <summary>
/// The storefront's own tables, in the shop's database file: Identity's accounts, the shoppers' carts and the Data
/// Protection keys every instance shares (sign-in cookies, antiforgery tokens, circuit state). Abstract:
/// each store has its own subclass, because EF Core keeps one migration history per context type (docs/schema.md).
/// </summary>
public abstract class StorefrontDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CartItem>(item =>
        {
            item.HasKey(i => new { i.ShopperId, i.ProductId });
            item.Property(i => i.ShopperId).HasMaxLength(450);
            // A cart belongs to an account: deleting the account deletes its cart.
            item.HasOne<IdentityUser>().WithMany().HasForeignKey(i => i.ShopperId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
