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

            var returned = await WriteAsync(connection, transaction, [("c", campaign), ("at", now), ("until", now.AddDays(1))],
                Insert("""INSERT INTO "IssuedCoupons" ("CampaignId", "ShopperId", "IssuedAt", "ExpiresAt", "Version") VALUES {0} RETURNING "Id", "ShopperId" """,
                    "(@c, @p0, @at, @until, 0)", [.. shoppers.Select(s => new object[] { s })]));
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
        var hour = ProductSalesHourOf(DateTime.UtcNow);

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

            var sold = new HashSet<int>();
            await using (var read = Command(connection, transaction,
                $"""SELECT "ProductId", "HourStart", "UnitsSold" FROM "ProductSalesHours" WHERE "HourStart" = @h AND "ProductId" IN ({List("p", productIds.Count)})""",
                [("h", hour), .. Parameters("p", productIds)]))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    sold.Add(reader.GetInt32(0));
                }
            }

            var (paid, debited, debits, payments, messages) = (new List<object[]>(), new List<object[]>(), new List<object[]>(), new List<object[]>(), new List<object[]>());
            foreach (var order in lines.GroupBy(l => (l.OrderId, l.Shopper, l.Version)))
            {
                var (balance, version) = wallets[order.Key.Shopper];
                var total = Price * order.Count();
                paid.Add([order.Key.Version + 1, order.Key.OrderId, order.Key.Version]);
                debited.Add([balance - total, version + 1, order.Key.Shopper, version]);
                debits.Add([-total, balance - total, order.Key.OrderId, order.Key.Shopper]);
                payments.Add([total, order.Key.OrderId, order.Key.Shopper]);
                messages.Add([$"order-paid-{order.Key.OrderId}", $$"""{"orderId":{{order.Key.OrderId}},"total":{{total}}}"""]);
                wallets[order.Key.Shopper] = (balance - total, version + 1);
            }

            var (restocked, counted, opened) = (new List<object[]>(), new List<object[]>(), new List<object[]>());
            foreach (var product in lines.GroupBy(l => l.Product))
            {
                var (left, version) = stock[product.Key];
                restocked.Add([left - product.Count(), version + 1, product.Key, version]);
                (sold.Contains(product.Key) ? counted : opened).Add([product.Key, product.Count()]);
            }

            await WriteAsync(connection, transaction, [("now", now), ("h", hour)],
                Update("Orders", "\"PaidAt\" = @now, \"Status\" = 'Paid', \"Version\" = {0}", "\"Id\" = {1} AND \"Version\" = {2}", paid),
                Update("Wallets", "\"Balance\" = {0}, \"Version\" = {1}", "\"ShopperId\" = {2} AND \"Version\" = {3}", debited),
                Insert("""INSERT INTO "WalletLedger" ("Amount", "BalanceAfter", "CreatedAt", "IdempotencyKey", "Kind", "OrderId", "ShopperId") VALUES {0} RETURNING "Id" """,
                    "(@p0, @p1, @now, NULL, 'Payment', @p2, @p3)", debits),
                Insert("""INSERT INTO "Payments" ("Amount", "OrderId", "PaidAt", "ShopperId") VALUES {0} RETURNING "Id" """, "(@p0, @p1, @now, @p2)", payments),
                Insert("""INSERT INTO "Outbox" ("Attempts", "CreatedAt", "DeliveredAt", "IdempotencyKey", "LastError", "LeaseId", "LeasedUntil", "NextAttemptAt", "Payload", "State", "Type") VALUES {0} RETURNING "Id" """,
                    "(0, @now, NULL, @p0, NULL, NULL, NULL, @now, @p1, 'Pending', 'order-paid')", messages),
                Update("Products", "\"Stock\" = {0}, \"Version\" = {1}", "\"Id\" = {2} AND \"Version\" = {3}", restocked),
                Update("ProductSalesHours", "\"UnitsSold\" = \"UnitsSold\" + {1}", "\"HourStart\" = @h AND \"ProductId\" = {0}", counted),
                Insert("""INSERT INTO "ProductSalesHours" ("HourStart", "ProductId", "UnitsSold") VALUES {0}""", "(@h, @p0, @p1)", opened));

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

    /// <summary>One statement's rows: <see cref="Sql"/> of a row count names row r's value k <c>@p{r * width + k}</c>.</summary>
    private sealed record Rows(Func<int, string> Sql, List<object[]> Values);

    /// <summary>
    /// An UPDATE of <paramref name="table"/> whose <paramref name="set"/> and <paramref name="where"/> name a row's value
    /// k as <c>{k}</c>: for one row the values themselves, for several one UPDATE … FROM (VALUES …), as the shop's own.
    /// </summary>
    private static Rows Update(string table, string set, string where, List<object[]> rows)
    {
        var width = rows.FirstOrDefault()?.Length ?? 0;
        string With(string text, Func<int, string> value) =>
            string.Format(CultureInfo.InvariantCulture, text, [.. Enumerable.Range(0, width).Select(value)]);
        return new(n => n == 1
            ? $"""UPDATE "{table}" SET {With(set, k => $"@p{k}")} WHERE {With(where, k => $"@p{k}")}"""
            : $"""
              UPDATE "{table}" SET {With(set, k => $"v.column{k + 1}")}
              FROM (VALUES {string.Join(", ", Enumerable.Range(0, n).Select(r => $"({string.Join(", ", Enumerable.Range(0, width).Select(k => $"@p{r * width + k}"))})"))}) AS v
              WHERE {With(where, k => $"v.column{k + 1}")}
              """, rows);
    }

    /// <summary>An INSERT whose <paramref name="sql"/> holds <c>{0}</c> where the rows' <paramref name="row"/> tuples go.</summary>
    private static Rows Insert(string sql, string row, List<object[]> rows) =>
        new(n => string.Format(CultureInfo.InvariantCulture, sql,
            string.Join(", ", Enumerable.Range(0, n).Select(r => Renumbered(row, rows.FirstOrDefault()?.Length ?? 0, r)))), rows);

    /// <summary>
    /// Writes the statements' rows as the shop's own writes do (<c>Persistence/Statement</c>), at the driver's best on
    /// each store: on PostgreSQL each statement for all its rows at once, all statements in one command (one round trip);
    /// on SQLite each statement's one-row form prepared once and bound again per row, since SQLite finds a named
    /// parameter by a linear search and one statement of n rows costs n². <paramref name="shared"/> go by their own
    /// names. Returns the rows the statements returned.
    /// </summary>
    private static async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, (string Name, object Value)[] shared,
        params Rows[] statements)
    {
        if (BenchStore.IsPostgreSql)
        {
            // Statement i's row values renamed @s{i}p…, so one command carries them all.
            var (sql, parameters) = (new List<string>(), new List<(string, object)>(shared));
            foreach (var (statement, i) in statements.Where(s => s.Values.Count > 0).Select((s, i) => (s, i)))
            {
                var width = statement.Values[0].Length;
                sql.Add(statement.Sql(statement.Values.Count).Replace("@p", $"@s{i}p", StringComparison.Ordinal));
                parameters.AddRange(statement.Values.SelectMany((row, r) => row.Select((value, k) => ($"s{i}p{r * width + k}", value))));
            }

            return await ReadAllAsync(Command(connection, transaction, string.Join(";\n", sql), [.. parameters]));
        }

        var returned = 0;
        foreach (var statement in statements.Where(s => s.Values.Count > 0))
        {
            var width = statement.Values[0].Length;
            await using var command = Command(connection, transaction, statement.Sql(1),
                [.. shared, .. Enumerable.Range(0, width).Select(k => ($"p{k}", statement.Values[0][k]))]);
            await command.PrepareAsync();
            foreach (var row in statement.Values)
            {
                for (var k = 0; k < width; k++)
                {
                    command.Parameters[shared.Length + k].Value = row[k];
                }

                returned += await ReadAllAsync(command, dispose: false);
            }
        }

        return returned;
    }

    /// <summary>A row's text with its <c>@p0</c>… renamed for row <paramref name="r"/> of a multi-row statement.</summary>
    private static string Renumbered(string row, int width, int r) =>
        System.Text.RegularExpressions.Regex.Replace(row, @"@p(\d+)\b",
            m => $"@p{r * width + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}");

    private static DateTime ProductSalesHourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

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
    private static async Task<int> ReadAllAsync(DbCommand command, bool dispose = true)
    {
        try
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
        finally
        {
            if (dispose)
            {
                await command.DisposeAsync();
            }
        }
    }
}
