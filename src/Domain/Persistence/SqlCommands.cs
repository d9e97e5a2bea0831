using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Plain commands on a context's connection, for the few statements written as SQL (the claim's set-based writes, the
/// catalog's per-search reads): in the unit's transaction when there is one. Standard SQL with quoted names runs on
/// both stores.
/// </summary>
internal static class SqlCommands
{
    public static DbCommand On(ShopDbContext db, string sql) => On(db.Database.GetDbConnection(), Transaction(db), sql);

    /// <summary>The unit's transaction on the context's connection, if one is open.</summary>
    public static DbTransaction? Transaction(ShopDbContext db) => db.Database.CurrentTransaction?.GetDbTransaction();

    public static DbCommand On(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
