namespace ECommerce.ApiLoad.Setup;

/// <summary>
/// Products, campaigns and wallet funds for the scenarios, written straight into the shop's tables (setup
/// through the database is allowed; everything measured goes through the API). Each write keeps the shop's
/// invariants as the domain would: an opening-stock adjustment per product, a ledger entry per funding,
/// and a catalog revision bump so the app's in-memory catalog index rebuilds.
/// </summary>
internal static class BenchShelf
{
    private static string Now => Format(DateTime.UtcNow);

    /// <summary>A new category with <paramref name="count"/> products of the given price and stock; returns their ids.</summary>
    public static IReadOnlyList<int> AddProducts(ShopDatabase database, string category, int count, long price, int stock)
    {
        var ids = new List<int>(count);
        database.Write(connection =>
        {
            // Category names are unique: a second run against the same database gets shelves of its own.
            ShopDatabase.Execute(connection, "INSERT INTO Categories (Name) VALUES ($name)",
                ("$name", $"{category} {Guid.NewGuid().ToString("N")[..6]}"));
            var categoryId = LastId(connection);
            using var product = ShopDatabase.Command(connection, """
                INSERT INTO Products (CategoryId, Name, SearchName, Description, Price, Stock, CreatedAt, Version)
                VALUES ($category, $name, lower($name), '', $price, $stock, $now, 0)
                """, ("$category", categoryId), ("$name", ""), ("$price", price), ("$stock", stock), ("$now", Now));
            using var opening = ShopDatabase.Command(connection, """
                INSERT INTO StockAdjustments (ProductId, Delta, StockAfter, Reason, Actor, CreatedAt)
                VALUES ($product, $stock, $stock, 'Opening stock', 'api bench', $now)
                """, ("$product", 0), ("$stock", stock), ("$now", Now));
            for (var i = 0; i < count; i++)
            {
                product.Parameters["$name"].Value = $"{category} {Words[i % Words.Length]} {i}";
                product.ExecuteNonQuery();
                var id = LastId(connection);
                opening.Parameters["$product"].Value = id;
                opening.ExecuteNonQuery();
                ids.Add((int)id);
            }

            ShopDatabase.Execute(connection, """
                INSERT INTO CatalogRevisions (Id, ChangedAt, Version) VALUES (1, $now, 1)
                ON CONFLICT (Id) DO UPDATE SET Version = Version + 1, ChangedAt = $now
                """, ("$now", Now));
        });
        return ids;
    }

    /// <summary>A campaign of <paramref name="quantity"/> ₩100-off coupons, claimable now; returns its code.</summary>
    public static string AddCampaign(ShopDatabase database, int quantity)
    {
        var code = $"RUSH{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var now = DateTime.UtcNow;
        database.Write(connection => ShopDatabase.Execute(connection, """
            INSERT INTO CouponCampaigns (Code, Name, DiscountKind, DiscountValue, MaxDiscount, MinOrderAmount, TotalQuantity,
                IssuedCount, ClaimOpensAt, ClaimClosesAt, CouponValidFor, CreatedAt, Version)
            VALUES ($code, 'API load rush', 'FixedAmount', 100, NULL, 0, $quantity, 0, $opens, $closes, '1.00:00:00', $opens, 0)
            """, ("$code", code), ("$quantity", quantity), ("$opens", Format(now.AddHours(-1))), ("$closes", Format(now.AddDays(1)))));
        return code;
    }

    /// <summary>
    /// Gives each shopper of the range without a wallet one holding <paramref name="amount"/>, one charge in its
    /// ledger; a shopper funded by an earlier run against the same database keeps what they have.
    /// </summary>
    public static void Fund(ShopDatabase database, ShopperRange shoppers, long amount) => database.Write(connection =>
    {
        using var wallet = ShopDatabase.Command(connection,
            "INSERT OR IGNORE INTO Wallets (ShopperId, Balance, Version) VALUES ($shopper, $amount, 0)", ("$shopper", ""), ("$amount", amount));
        using var ledger = ShopDatabase.Command(connection, """
            INSERT INTO WalletLedger (ShopperId, Kind, Amount, BalanceAfter, CreatedAt, IdempotencyKey)
            SELECT $shopper, 'Charge', $amount, $amount, $now, 'api-bench-funding' WHERE changes() = 1
            """, ("$shopper", ""), ("$amount", amount), ("$now", Now));
        foreach (var n in shoppers.Numbers)
        {
            wallet.Parameters["$shopper"].Value = ledger.Parameters["$shopper"].Value = BenchAccounts.ShopperId(n);
            wallet.ExecuteNonQuery();
            ledger.ExecuteNonQuery();
        }
    });

    private static readonly string[] Words = ["mug", "lamp", "chair", "kettle", "desk", "watch", "bottle", "speaker"];

    private static string Format(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static long LastId(SqliteConnection connection)
    {
        using var command = ShopDatabase.Command(connection, "SELECT last_insert_rowid()");
        return (long)command.ExecuteScalar()!;
    }
}
