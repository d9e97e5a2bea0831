using System.Data.Common;

namespace ECommerce.ApiLoad.Setup;

/// <summary>
/// Products, campaigns and wallet funds for the scenarios, written straight into the shop's tables (setup
/// through the database is allowed; everything measured goes through the API). Each write keeps the shop's
/// invariants as the domain would: an opening-stock adjustment per product, a ledger entry per funding,
/// and a catalog revision bump so the app's in-memory catalog index rebuilds.
/// </summary>
internal static class BenchShelf
{
    /// <summary>A new category with <paramref name="count"/> products of the given price and stock; returns their ids.</summary>
    public static IReadOnlyList<int> AddProducts(ShopDatabase database, string category, int count, long price, int stock)
    {
        var ids = new List<int>(count);
        var now = database.Timestamp(DateTime.UtcNow);
        database.Write(connection =>
        {
            // Category names are unique: a second run against the same database gets shelves of its own.
            var categoryId = InsertReturningId(connection, "INSERT INTO Categories (Name) VALUES ($name) RETURNING Id",
                ("$name", $"{category} {Guid.NewGuid().ToString("N")[..6]}"));
            using var product = ShopDatabase.Command(connection, """
                INSERT INTO Products (CategoryId, Name, SearchName, Description, Price, Stock, CreatedAt, Version)
                VALUES ($category, $name, lower($name), '', $price, $stock, $now, 0) RETURNING Id
                """, ("$category", (int)categoryId), ("$name", ""), ("$price", price), ("$stock", stock), ("$now", now));
            using var opening = ShopDatabase.Command(connection, """
                INSERT INTO StockAdjustments (ProductId, Delta, StockAfter, Reason, Actor, CreatedAt)
                VALUES ($product, $stock, $stock, 'Opening stock', 'api bench', $now)
                """, ("$product", 0), ("$stock", stock), ("$now", now));
            for (var i = 0; i < count; i++)
            {
                ShopDatabase.Set(product, "$name", $"{category} {Words[i % Words.Length]} {i}");
                var id = Convert.ToInt32(product.ExecuteScalar(), CultureInfo.InvariantCulture);
                ShopDatabase.Set(opening, "$product", id);
                opening.ExecuteNonQuery();
                ids.Add(id);
            }

            ShopDatabase.Execute(connection, """
                INSERT INTO CatalogRevisions (Id, ChangedAt, Version) VALUES (1, $now, 1)
                ON CONFLICT (Id) DO UPDATE SET Version = CatalogRevisions.Version + 1, ChangedAt = $now
                """, ("$now", now));
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
            VALUES ($code, 'API load rush', 'FixedAmount', 100, NULL, 0, $quantity, 0, $opens, $closes, $validFor, $opens, 0)
            """, ("$code", code), ("$quantity", quantity), ("$opens", database.Timestamp(now.AddHours(-1))),
            ("$closes", database.Timestamp(now.AddDays(1))), ("$validFor", database.Duration(TimeSpan.FromDays(1)))));
        return code;
    }

    /// <summary>
    /// Gives each shopper of the range without a wallet one holding <paramref name="amount"/>, one charge in its
    /// ledger; a shopper funded by an earlier run against the same database keeps what they have.
    /// </summary>
    public static void Fund(ShopDatabase database, ShopperRange shoppers, long amount) => database.Write(connection =>
    {
        using var wallet = ShopDatabase.Command(connection,
            "INSERT INTO Wallets (ShopperId, Balance, Version) VALUES ($shopper, $amount, 0) ON CONFLICT DO NOTHING RETURNING ShopperId",
            ("$shopper", ""), ("$amount", amount));
        using var ledger = ShopDatabase.Command(connection, """
            INSERT INTO WalletLedger (ShopperId, Kind, Amount, BalanceAfter, CreatedAt, IdempotencyKey)
            VALUES ($shopper, 'Charge', $amount, $amount, $now, 'api-bench-funding')
            """, ("$shopper", ""), ("$amount", amount), ("$now", database.Timestamp(DateTime.UtcNow)));
        foreach (var n in shoppers.Numbers)
        {
            ShopDatabase.Set(wallet, "$shopper", BenchAccounts.ShopperId(n));
            // Only a wallet this run created gets its charge in the ledger.
            if (wallet.ExecuteScalar() is not null)
            {
                ShopDatabase.Set(ledger, "$shopper", BenchAccounts.ShopperId(n));
                ledger.ExecuteNonQuery();
            }
        }
    });

    private static readonly string[] Words = ["mug", "lamp", "chair", "kettle", "desk", "watch", "bottle", "speaker"];

    private static long InsertReturningId(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = ShopDatabase.Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
