using ECommerce.Domain.Persistence;
using ECommerce.Storefront.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Accounts;

public static class AccountRegistration
{
    public const int MaxFailedSignIns = 5;

    /// <summary>ASP.NET Core Identity in the shop's database, cookie sign-in, lockout after five failures, role Admin.</summary>
    public static IServiceCollection AddShopAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        // Identity's PBKDF2 work factor (100,000 when unset). Only bench/api.sh lowers it, for the accounts it
        // writes itself, so that signing 10,000 shoppers in takes seconds: see docs/performance.md.
        services.Configure<PasswordHasherOptions>(configuration.GetSection(AccountOptions.Section + ":PasswordHasher"));
        // Identity's stores take the context from the scope; the factory makes the store's own context type.
        services.AddScoped<StorefrontDbContext>(provider => provider.GetRequiredService<IDbContextFactory<StorefrontDbContext>>().CreateDbContext());
        services.AddDbContextFactory<StorefrontDbContext, StorefrontContexts>((provider, options) =>
            options.UseShopStore(provider, StorefrontSchema.HistoryTable));

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<ShopperSessions>();
        services.AddScoped<CircuitHandler, SignedOutCircuitGuard>();
        // A sign-in cookie is checked against the account's security stamp this often (Identity's default is 30 minutes).
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountOptions>>((stamp, accounts) => stamp.ValidationInterval = accounts.Value.RevalidationInterval);
        services.AddAuthorization();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StorefrontDbContext>()
            .AddSignInManager();
        return services;
    }
}
