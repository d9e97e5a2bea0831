using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Shop:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite, e.g. <c>Data Source=data/shop.db</c> (the file and its folder are created on first start); for
    /// PostgreSQL an Npgsql connection string, e.g. <c>Host=db;Database=shop;Username=shop;Password=…</c> (the
    /// database must exist; the shop creates its tables).
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/shop.db";

    public TransactionShape TransactionShape { get; set; } = TransactionShape.Serialized;

    internal bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>The full path of the SQLite file, or null for PostgreSQL or an in-memory database.</summary>
    internal string? SqliteFile
    {
        get
        {
            if (!IsSqlite)
            {
                return null;
            }

            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
                ? null
                : Path.GetFullPath(builder.DataSource);
        }
    }
}
