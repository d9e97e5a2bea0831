namespace ECommerce.Domain.Wallets;

public enum LedgerEntryKind
{
    Charge,
    Payment,
}
