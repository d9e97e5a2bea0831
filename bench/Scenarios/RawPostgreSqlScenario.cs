using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Bench.Scenarios;

/// <summary>
/// PostgreSQL's floor, measured like <see cref="RawSqliteScenario"/>: bare Npgsql, one conditional one-row UPDATE per
/// transaction, one connection, one thread, a prepared statement, on the server the shop's scenarios use.
/// </summary>
internal static class RawPostgreSqlScenario
{
    public const string Name = "raw-postgresql";

    public static async Task<ScenarioResult> RunAsync(BenchSize size)
    {
        var connectionString = await BenchStore.CreateDatabaseAsync("");
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("""
                CREATE TABLE "Counters" ("Id" integer PRIMARY KEY, "Value" bigint NOT NULL, "Version" bigint NOT NULL);
                INSERT INTO "Counters" VALUES (1, 0, 0);
                """, connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var update = new NpgsqlCommand(
                """UPDATE "Counters" SET "Value" = "Value" + 1, "Version" = "Version" + 1 WHERE "Id" = 1 AND "Version" = @version""", connection);
            var version = update.Parameters.Add("version", NpgsqlDbType.Bigint);
            await update.PrepareAsync();
            long expected = 0;

            var measured = await Load.RunAsync(1, size.Duration, warmUp: size.WarmUp, operation: async (_, _) =>
            {
                await using var transaction = await connection.BeginTransactionAsync();
                update.Transaction = transaction;
                version.Value = expected;
                if (await update.ExecuteNonQueryAsync() != 1)
                {
                    throw new InvalidOperationException("The version token did not match.");
                }

                await transaction.CommitAsync();
                expected++;
                return true;
            });

            await using var check = new NpgsqlCommand("""SELECT "Value" = "Version" AND "Value" = @n FROM "Counters" """, connection);
            check.Parameters.AddWithValue("n", (long)measured.AllOperations);
            var holds = (bool)(await check.ExecuteScalarAsync())!;
            return new ScenarioResult(Name, measured, 0, holds);
        }
        finally
        {
            await BenchStore.DropDatabaseAsync(connectionString);
        }
    }
}
