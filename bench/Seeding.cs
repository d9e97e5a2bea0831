using Microsoft.Data.Sqlite;

namespace ECommerce.Bench;

/// <summary>
/// Bulk data for the read scenarios, written straight into the shop's tables in one transaction: a hundred
/// thousand products through the services would take longer than the benchmark itself.
/// </summary>
internal static class Seeding
{
    private static readonly string[] Adjectives = ["red", "blue", "green", "classic", "smart", "tiny", "large", "organic", "vintage", "steel"];
    private static readonly string[] Nouns = ["mug", "lamp", "chair", "phone", "shirt", "kettle", "desk", "watch", "bottle", "speaker"];

    public static readonly string[] Keywords = [.. Adjectives, .. Nouns, "mug 1", "lamp 2"];

    public const int Categories = 20;

    /// <summary>Categories 1..20 and <paramref name="count"/> products with prices ₩1,000–₩500,000 and stock 0–99.</summary>
    public static void Products(BenchShop shop, int count)
    {
        using var connection = shop.OpenRaw();
        using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow;
        using (var category = Command(connection, transaction, "INSERT INTO Categories (Name) VALUES ($name)", "$name"))
        {
            for (var c = 1; c <= Categories; c++)
            {
                category.Parameters[0].Value = $"Category {c}";
                category.ExecuteNonQuery();
            }
        }

        using var product = Command(connection, transaction,
            "INSERT INTO Products (CategoryId, Name, SearchName, Description, Price, Stock, CreatedAt, Version) " +
            "VALUES ($category, $name, lower($name), '', $price, $stock, $created, 0)",
            "$category", "$name", "$price", "$stock", "$created");
        using var adjustment = Command(connection, transaction,
            "INSERT INTO StockAdjustments (ProductId, Delta, StockAfter, Reason, Actor, CreatedAt) " +
            "VALUES (last_insert_rowid(), $stock, $stock, 'Opening stock', 'bench', $created)", "$stock", "$created");
        var random = new Random(42);
        for (var i = 1; i <= count; i++)
        {
            var stock = random.Next(0, 100);
            var created = now.AddMinutes(-random.Next(0, 60 * 24 * 365));
            Set(product, 1 + (i % Categories), $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {i}",
                random.Next(1, 500) * 1_000L, stock, created);
            product.ExecuteNonQuery();
            Set(adjustment, stock, created);
            adjustment.ExecuteNonQuery();
        }

        // What InventoryService does for every product it adds: tells each process's catalog index to rebuild.
        Execute(connection, transaction, """
            INSERT INTO CatalogRevisions (Id, ChangedAt, Version) VALUES (1, datetime('now'), 1)
            ON CONFLICT (Id) DO UPDATE SET Version = Version + 1
            """);
        transaction.Commit();
    }

    /// <summary>
    /// Paid orders of four lines each, <paramref name="lines"/> lines in all, paid at random times over the last
    /// 71 hours, skewed so some products sell far more; with their payments, debits, outbox messages, and the
    /// hourly sales rows the payment would have written.
    /// </summary>
    public static void PaidOrders(BenchShop shop, int lines, int products)
    {
        using var connection = shop.OpenRaw();
        using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow;
        using var order = Command(connection, transaction,
            "INSERT INTO Orders (ShopperId, RequestId, Status, CreatedAt, ExpiresAt, PaidAt, Subtotal, Discount, Total, Version) " +
            "VALUES ($shopper, $request, 'Paid', $at, $at, $at, 0, 0, 0, 1)", "$shopper", "$request", "$at");
        using var line = Command(connection, transaction,
            "INSERT INTO OrderLines (OrderId, ProductId, ProductName, UnitPrice, Quantity) " +
            "SELECT $order, Id, Name, Price, $quantity FROM Products WHERE Id = $product", "$order", "$product", "$quantity");
        var random = new Random(7);
        for (var o = 0; o < lines / 4; o++)
        {
            Set(order, $"buyer-{o % 5_000}", $"seed-{o}", now.AddMinutes(-random.Next(0, 71 * 60)));
            order.ExecuteNonQuery();
            var orderId = connection.LastInsertRowId();
            for (var l = 0; l < 4; l++)
            {
                // Squaring a uniform number favours low ids: a long tail, like real sales.
                var product = 1 + (int)(Math.Pow(random.NextDouble(), 2) * products);
                Set(line, orderId, product, random.Next(1, 4));
                line.ExecuteNonQuery();
            }
        }

        Execute(connection, transaction, """
            UPDATE Orders SET Subtotal = (SELECT SUM(UnitPrice * Quantity) FROM OrderLines WHERE OrderId = Orders.Id),
                              Total = (SELECT SUM(UnitPrice * Quantity) FROM OrderLines WHERE OrderId = Orders.Id);
            INSERT INTO Payments (OrderId, ShopperId, Amount, PaidAt) SELECT Id, ShopperId, Total, PaidAt FROM Orders;
            INSERT INTO Wallets (ShopperId, Balance, Version) SELECT DISTINCT ShopperId, 0, 0 FROM Orders;
            INSERT INTO WalletLedger (ShopperId, Kind, Amount, BalanceAfter, CreatedAt, IdempotencyKey)
                SELECT ShopperId, 'Charge', SUM(Total), SUM(Total), MIN(PaidAt), 'seed' FROM Orders GROUP BY ShopperId;
            INSERT INTO WalletLedger (ShopperId, Kind, Amount, BalanceAfter, CreatedAt, OrderId)
                SELECT ShopperId, 'Payment', -Total, 0, PaidAt, Id FROM Orders;
            INSERT INTO Outbox (Type, IdempotencyKey, Payload, CreatedAt, State, Attempts, NextAttemptAt)
                SELECT 'order-paid', 'order-paid-' || Id, '{}', PaidAt, 'Delivered', 1, PaidAt FROM Orders;
            UPDATE StockAdjustments SET Delta = Delta + (SELECT COALESCE(SUM(Quantity), 0) FROM OrderLines WHERE ProductId = StockAdjustments.ProductId);
            INSERT INTO ProductSalesHours (ProductId, HourStart, UnitsSold)
                SELECT l.ProductId, strftime('%Y-%m-%d %H:00:00', o.PaidAt), SUM(l.Quantity)
                FROM OrderLines l JOIN Orders o ON o.Id = l.OrderId GROUP BY 1, 2;
            """);
        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long LastInsertRowId(this SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_insert_rowid()";
        return (long)command.ExecuteScalar()!;
    }
}
