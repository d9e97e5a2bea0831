namespace ECommerce.Domain.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Shop:Database";

    /// <summary>An SQLite connection string; the file and its folder are created on first start.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/shop.db";

    public TransactionShape TransactionShape { get; set; } = TransactionShape.Serialized;
}
