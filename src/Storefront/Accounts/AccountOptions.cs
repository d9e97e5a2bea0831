namespace ECommerce.Storefront.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Shop:Accounts";

    /// <summary>
    /// How often an open page (a circuit) and a sign-in cookie are checked against the account's security stamp,
    /// so that a sign-out elsewhere ends them within this time even when nobody acts on them.
    /// Actions are checked every time regardless (see <see cref="SignedOutCircuitGuard"/>).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);
}
