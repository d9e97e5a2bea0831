using ECommerce.Domain.Wallets;

namespace ECommerce.Domain.Orders;

/// <summary>What paying an order adds beside the changed rows: the payment and the wallet's debit.</summary>
internal sealed record PaidOrder(Payment Payment, WalletLedgerEntry Debit);
