using Microsoft.Data.Sqlite;

namespace ECommerce.Api.Tests.Support;

/// <summary>Reads the shop's SQLite file directly, so a test sees what was really stored, not what the API says.</summary>
public static class ShopFile
{
    public static async Task<long> ScalarAsync(this ApiFactory shop, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={shop.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Counts of every table of the shop's state a request can write, and the total stock: equal before and after
    /// means the request changed nothing. (A refusal's answer kept under its Idempotency-Key is not shop state.)
    /// </summary>
    public static async Task<string> FingerprintAsync(this ApiFactory shop)
    {
        string[] counts =
        [
            """SELECT COUNT(*) FROM "Orders" """, """SELECT COUNT(*) FROM "OrderLines" """, """SELECT COUNT(*) FROM "Payments" """,
            """SELECT COUNT(*) FROM "WalletLedger" """, """SELECT COALESCE(SUM("Balance"), 0) FROM "Wallets" """,
            """SELECT COUNT(*) FROM "IssuedCoupons" """, """SELECT COALESCE(SUM("Stock"), 0) FROM "Products" """,
            """SELECT COUNT(*) FROM "StockAdjustments" """, """SELECT COUNT(*) FROM "CouponCampaigns" """,
"""SELECT COUNT(*) FROM "Outbox" """,
            """SELECT COUNT(*) FROM "Orders" WHERE "Status" <> 'AwaitingPayment'""",
        ];
        var values = new List<long>();
        foreach (var sql in counts)
        {
            values.Add(await shop.ScalarAsync(sql));
        }

        return string.Join(",", values);
    }
}
