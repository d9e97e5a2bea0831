namespace ECommerce.Domain.Wallets;

public sealed record ChargeReceipt(long Amount, long Balance, bool AlreadyApplied);

public sealed record LedgerEntryView(long Id, LedgerEntryKind Kind, long Amount, long BalanceAfter, DateTime At, int? OrderId);
