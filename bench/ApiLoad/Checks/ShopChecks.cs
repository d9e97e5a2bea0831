namespace ECommerce.ApiLoad.Checks;

/// <summary>
/// The invariants of SPEC.md in SQL, run against the app's database (SQLite or PostgreSQL) after every scenario, beside each
/// scenario's own counts. Each query returns the rows that break an invariant; none means it holds.
/// </summary>
internal static class ShopChecks
{
    private static readonly (string Invariant, string Sql)[] Queries =
    [
        ("stock never below zero and stock = adjustments - units sold in paid orders", """
            SELECT p.Id FROM Products p
            WHERE p.Stock < 0
               OR p.Stock <> (SELECT COALESCE(SUM(a.Delta), 0) FROM StockAdjustments a WHERE a.ProductId = p.Id)
                           - (SELECT COALESCE(SUM(l.Quantity), 0) FROM OrderLines l JOIN Orders o ON o.Id = l.OrderId
                              WHERE l.ProductId = p.Id AND o.Status = 'Paid')
            """),
        ("coupons issued = the campaign's counter, never above its quantity", """
            SELECT c.Id FROM CouponCampaigns c
            WHERE c.IssuedCount > c.TotalQuantity
               OR c.IssuedCount <> (SELECT COUNT(*) FROM IssuedCoupons i WHERE i.CampaignId = c.Id)
            """),
        ("at most one coupon per shopper and campaign", """
            SELECT ShopperId FROM IssuedCoupons GROUP BY CampaignId, ShopperId HAVING COUNT(*) > 1
            """),
        ("a coupon used by at most one paid order", """
            SELECT IssuedCouponId FROM Orders WHERE Status = 'Paid' AND IssuedCouponId IS NOT NULL
            GROUP BY IssuedCouponId HAVING COUNT(*) > 1
            """),
        ("balance never below zero and balance = sum of its ledger", """
            SELECT w.ShopperId FROM Wallets w
            WHERE w.Balance < 0 OR w.Balance <> (SELECT COALESCE(SUM(e.Amount), 0) FROM WalletLedger e WHERE e.ShopperId = w.ShopperId)
            """),
        ("a paid order has one payment, is debited its total and is in the outbox", """
            SELECT o.Id FROM Orders o
            WHERE o.Status = 'Paid' AND (
                  (SELECT COUNT(*) FROM Payments p WHERE p.OrderId = o.Id) <> 1
               OR (SELECT COALESCE(-SUM(e.Amount), 0) FROM WalletLedger e WHERE e.OrderId = o.Id AND e.Kind = 'Payment') <> o.Total
               OR NOT EXISTS (SELECT 1 FROM Outbox m WHERE m.IdempotencyKey = 'order-paid-' || o.Id))
            """),
        ("no debit for an order that is not paid", """
            SELECT e.Id FROM WalletLedger e
            WHERE e.Kind = 'Payment' AND NOT EXISTS (SELECT 1 FROM Orders o WHERE o.Id = e.OrderId AND o.Status = 'Paid')
            """),
    ];

    /// <summary>One sentence per broken invariant, naming up to five of the rows that break it.</summary>
    public static IReadOnlyList<string> Broken(ShopDatabase database)
    {
        using var connection = database.Open();
        var broken = new List<string>();
        foreach (var (invariant, sql) in Queries)
        {
            using var command = ShopDatabase.Command(connection, sql + " LIMIT 5");
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
            }

            if (rows.Count > 0)
            {
                broken.Add($"{invariant}: broken by {string.Join(", ", rows)}");
            }
        }

        return broken;
    }
}
