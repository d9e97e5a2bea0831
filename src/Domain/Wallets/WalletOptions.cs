namespace ECommerce.Domain.Wallets;

public sealed class WalletOptions
{
    public const string Section = "Shop:Wallet";

    public long MaxChargeAmount { get; set; } = 1_000_000;
    public long MaxBalance { get; set; } = 10_000_000;
}
