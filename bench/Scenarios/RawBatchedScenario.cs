using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ECommerce.Bench.Scenarios;

/// <summary>
/// The truer floor for group commit (<c>raw-batched-claim</c>, <c>raw-batched-pay</c>): the bare driver of the store
/// running the statements a claim batch and a payment batch issue, over the shop's own tables and indexes, in
/// transactions of <see cref="BenchSize.Writers"/> commands (the most a batch holds when that many writers wait), one
/// transaction at a time as the batcher runs them, with nothing else: no context, no tracking, no decisions beyond
/// the arithmetic. Its ratio (<c>vs_batched=</c>) is then the ORM's and the domain's whole cost.
/// </summary>
internal static class RawBatchedScenario
{
    public const string Claim = "raw-batched-claim";
    public const string Pay = "raw-batched-pay";
    private const long Price = 1_000;

    /// <summary>
    /// Per transaction: the campaign read, the holders read, the token-guarded UPDATE of the issued count, one
    /// multi-row INSERT … RETURNING of the coupons. Transaction i holds claim i of each of the coupon-claim scenario's
    /// workers, with the scenario's shopper ids, so its coupons land where the scenario's land in the index.
    /// </summary>
    public static async Task<ScenarioResult> ClaimAsync(BenchSize size)
    {
        await using var shop = await BenchShop.StartAsync();
        var campaign = await shop.AddCampaignAsync(quantity: 100_000_000);
        await using var connection = await OpenAsync(shop);
        var batch = size.Writers;
        var (issued, version) = (0L, 0L);
        await using (var read = Command(connection, null, """SELECT "IssuedCount", "Version" FROM "CouponCampaigns" WHERE "Id" = @c""", ("c", campaign)))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (issued, version) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var measured = await Load.RunAsync(1, size.Duration, warmUp: size.WarmUp, operation: async (_, i) =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var now = DateTime.UtcNow;
            var shoppers = Enumerable.Range(0, batch).Select(n => CouponScenarios.Claimer(n, i)).ToList();
            await ReadAllAsync(Command(connection, transaction, """
                SELECT "Id", "ClaimClosesAt", "ClaimOpensAt", "Code", "CouponValidFor", "CreatedAt", "DiscountKind", "DiscountValue",
                       "IssuedCount", "MaxDiscount", "MinOrderAmount", "Name", "TotalQuantity", "Version"
                FROM "CouponCampaigns" WHERE "Id" IN (@c)
                """, ("c", campaign)));
            await ReadAllAsync(Command(connection, transaction,
                $"""SELECT "CampaignId", "ShopperId" FROM "IssuedCoupons" WHERE "CampaignId" IN (@c) AND "ShopperId" IN ({List("s", batch)})""",
                [("c", campaign), .. Parameters("s", shoppers)]));
            await using (var update = Command(connection, transaction, """
                UPDATE "CouponCampaigns" SET "IssuedCount" = @n, "Version" = "Version" + 1 WHERE "Id" = @c AND "Version" = @v
                """, ("n", issued + batch), ("c", campaign), ("v", version)))
            {
                if (await update.ExecuteNonQueryAsync() != 1)
                {
                    throw new InvalidOperationException("The campaign's token did not match.");
                }
            }

            var returned = 0;
            await SetBasedWrites.Insert("IssuedCoupons", ["CampaignId", "ShopperId", "IssuedAt", "ExpiresAt", "Version"],
                    shoppers.Select(s => new object[] { campaign, s, now, now.AddDays(1), 0L }), """ RETURNING "Id", "CampaignId", "ShopperId" """)!
                .ExecuteAsync(connection, transaction, _ => returned++);
            await transaction.CommitAsync();
            (issued, version) = (issued + batch, version + 1);
            return returned == batch;
        });

        var holds = await shop.InvariantsHoldAsync() && (await shop.Coupons.GetAllCampaignsAsync()).Single().Issued == issued;
        return Batched(Claim, measured, batch, holds);
    }

    /// <summary>
    /// Orders of two lines over 10 products, each of its own shopper within a transaction, prepared by SQL. Per
    /// transaction: the orders with their lines and coupons, the wallets, the products and this hour's sales rows
    /// read; then one command of token-guarded UPDATEs of the orders, products, sales rows and wallets and the
    /// INSERTs … RETURNING of the debits, payments and outbox messages, as EF Core batches them.
    /// </summary>
    public static async Task<ScenarioResult> PayAsync(BenchSize size)
    {
        await using var shop = await BenchShop.StartAsync();
        var category = await shop.AddCategoryAsync("Raw");
        var products = new List<int>();
        for (var p = 0; p < 10; p++)
        {
            products.Add(await shop.AddProductAsync(category, Price, stock: 100_000_000));
        }

        var batch = size.Writers;
        await using var connection = await OpenAsync(shop);
        var orders = await PrepareOrdersAsync(connection, products, batch, count: (int)(60_000 * (size.WarmUp + size.Duration).TotalSeconds));
        await shop.AnalyzeAsync();
        var hour = ProductSalesHour.HourOf(DateTime.UtcNow);

        var measured = await Load.RunAsync(1, size.Duration, warmUp: size.WarmUp, operation: async (_, i) =>
        {
            if ((i + 1) * batch > orders.Count)
            {
                return false;
            }

            var ids = orders.GetRange(i * batch, batch);
            var now = DateTime.UtcNow;
            await using var transaction = await connection.BeginTransactionAsync();
            var lines = new List<(int OrderId, string Shopper, long Version, int Product)>();
            await using (var read = Command(connection, transaction, $"""
                SELECT o."Id", o."ShopperId", o."Version", o."ClosedAt", o."CreatedAt", o."Discount", o."ExpiresAt", o."IssuedCouponId",
                       o."PaidAt", o."RequestId", o."Status", o."Subtotal", o."Total", i."Id", i."CampaignId", i."ExpiresAt", i."IssuedAt",
                       i."OrderId", i."ShopperId", i."UsedAt", i."Version", l."ProductId", l."Id", l."OrderId", l."ProductName", l."Quantity", l."UnitPrice"
                FROM "Orders" AS o
                LEFT JOIN "IssuedCoupons" AS i ON o."IssuedCouponId" = i."Id"
                LEFT JOIN "OrderLines" AS l ON o."Id" = l."OrderId"
                WHERE o."Id" IN ({List("o", batch)})
                ORDER BY o."Id", i."Id"
                """, [.. Parameters("o", ids)]))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(21)));
                }
            }

            var shoppers = lines.Select(l => l.Shopper).Distinct().ToList();
            var wallets = new Dictionary<string, (long Balance, long Version)>();
            await using (var read = Command(connection, transaction,
                $"""SELECT "ShopperId", "Balance", "Version" FROM "Wallets" WHERE "ShopperId" IN ({List("w", shoppers.Count)})""", [.. Parameters("w", shoppers)]))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    wallets[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
                }
            }

            var productIds = lines.Select(l => l.Product).Distinct().ToList();
            var stock = new Dictionary<int, (long Stock, long Version)>();
            await using (var read = Command(connection, transaction, $"""
                SELECT "Id", "CategoryId", "CreatedAt", "Description", "Name", "Price", "SearchName", "Stock", "Version"
                FROM "Products" WHERE "Id" IN ({List("p", productIds.Count)})
                """, [.. Parameters("p", productIds)]))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stock[reader.GetInt32(0)] = (reader.GetInt64(7), reader.GetInt64(8));
                }
            }

            // The statements the shop's payment batch sends (Orders/PaymentWrites), built by the same SetBasedWrites.
            var writes = new StatementBatch(connection, transaction);
            var paid = lines.GroupBy(l => (l.OrderId, l.Shopper, l.Version)).ToList();
            var debits = new List<object[]>();
            foreach (var order in paid)
            {
                var (balance, version) = wallets[order.Key.Shopper];
                var total = Price * order.Count();
                debits.Add([order.Key.Shopper, "Payment", -total, balance - total, now, order.Key.OrderId, total]);
                wallets[order.Key.Shopper] = (balance - total, version);
            }

            writes.Add(SetBasedWrites.UpdateVersioned("Wallets", "ShopperId", ["Balance"],
                wallets.Select(w => ((object)w.Key, w.Value.Version, new object[] { w.Value.Balance }))));
            writes.Add(SetBasedWrites.UpdateVersioned("Products", "Id", ["Stock"],
                lines.GroupBy(l => l.Product).Select(p => ((object)p.Key, stock[p.Key].Version, new object[] { stock[p.Key].Stock - p.Count() }))));
            writes.Add(SetBasedWrites.UpdateVersioned("Orders", "Id", ["Status", "PaidAt"],
                paid.Select(o => ((object)o.Key.OrderId, o.Key.Version, new object[] { "Paid", now }))));
            writes.Add(SetBasedWrites.Insert("WalletLedger", ["ShopperId", "Kind", "Amount", "BalanceAfter", "CreatedAt", "OrderId"],
                debits.Select(d => d[..6])));
            writes.Add(SetBasedWrites.Insert("Payments", ["OrderId", "ShopperId", "Amount", "PaidAt"],
                debits.Select(d => new[] { d[5], d[0], d[6], now })));
            writes.Add(SetBasedWrites.Insert("Outbox", ["Type", "IdempotencyKey", "Payload", "CreatedAt", "State", "Attempts", "NextAttemptAt", "TraceParent"],
                debits.Select(d => new object[]
                {
                    "order-paid", $"order-paid-{d[5]}", $$"""{"orderId":{{d[5]}},"total":{{d[6]}}}""", now, "Pending", 0, now, DBNull.Value,
                })));
            writes.Add(SetBasedWrites.Insert("ProductSalesHours", ["ProductId", "HourStart", "UnitsSold"],
                lines.GroupBy(l => l.Product).Select(p => new object[] { p.Key, hour, (long)p.Count() }),
                """ ON CONFLICT ("ProductId", "HourStart") DO UPDATE SET "UnitsSold" = "ProductSalesHours"."UnitsSold" + excluded."UnitsSold" """));
            await writes.ExecuteAsync();

            await transaction.CommitAsync();
            return true;
        });

        var holds = await shop.InvariantsHoldAsync();
        return Batched(Pay, measured, batch, holds);
    }

    /// <summary>Placed orders of two lines each, every <paramref name="batch"/> consecutive ones of distinct shoppers with ample balance.</summary>
    private static async Task<List<int>> PrepareOrdersAsync(DbConnection connection, List<int> products, int batch, int count)
    {
        Console.Error.WriteLine($"  preparing {count} orders by SQL");
        var now = DateTime.UtcNow;
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var orders = Command(connection, transaction, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
            INSERT INTO "Orders" ("ShopperId", "RequestId", "Status", "CreatedAt", "ExpiresAt", "Subtotal", "Discount", "Total", "Version")
            SELECT 'raw-payer-' || (i % @batch), 'raw-' || i, 'AwaitingPayment', @now, @expires, @total, 0, @total, 0 FROM n
            """, ("count", count), ("batch", batch), ("now", now), ("expires", now.AddDays(1)), ("total", 2 * Price)))
        {
            await orders.ExecuteNonQueryAsync();
        }

        await using (var lines = Command(connection, transaction, $"""
            INSERT INTO "OrderLines" ("OrderId", "ProductId", "ProductName", "UnitPrice", "Quantity")
            SELECT o."Id", p."Id", p."Name", p."Price", 1 FROM "Orders" AS o
            JOIN "Products" AS p ON p."Id" = @first + (o."Id" % 10) OR p."Id" = @first + ((o."Id" + 3) % 10);
            INSERT INTO "Wallets" ("ShopperId", "Balance", "Version") SELECT DISTINCT "ShopperId", 1000000000000, 0 FROM "Orders";
            INSERT INTO "WalletLedger" ("ShopperId", "Kind", "Amount", "BalanceAfter", "CreatedAt", "IdempotencyKey")
                SELECT "ShopperId", 'Charge', 1000000000000, 1000000000000, @now, 'raw-opening' FROM "Wallets";
            """, ("first", products.Min()), ("now", now)))
        {
            await lines.ExecuteNonQueryAsync();
        }

        var ids = new List<int>(count);
        await using (var read = Command(connection, transaction, """SELECT "Id" FROM "Orders" ORDER BY "Id" """))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        await transaction.CommitAsync();
        return ids;
    }

    private static ScenarioResult Batched(string name, Measured measured, int batch, bool holds) =>
        new(name, measured with { Operations = measured.Operations * batch, WarmUpOperations = measured.WarmUpOperations * batch }, 0, holds,
            $"batch={batch}");

    /// <summary>A bare connection of the store, with the app's pragmas on SQLite.</summary>
    private static async Task<DbConnection> OpenAsync(BenchShop shop)
    {
        DbConnection connection = BenchStore.IsPostgreSql ? new NpgsqlConnection(shop.ConnectionString) : new SqliteConnection(shop.ConnectionString);
        await connection.OpenAsync();
        if (!BenchStore.IsPostgreSql)
        {
            await using var pragmas = Command(connection, null, SqliteConnectionSetup.Pragmas);
            await pragmas.ExecuteNonQueryAsync();
        }

        return connection;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string List(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(n => $"@{prefix}{n}"));

    private static IEnumerable<(string, object)> Parameters<T>(string prefix, IEnumerable<T> values) where T : notnull =>
        values.Select((value, n) => ($"{prefix}{n}", (object)value));

    /// <summary>Runs the command and reads every row of every result; returns the number of rows read.</summary>
    private static async Task<int> ReadAllAsync(DbCommand command)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            do
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            while (await reader.NextResultAsync());
            return rows;
        }
    }
}
