namespace ECommerce.Domain.Persistence;

/// <summary>Which database the shop keeps its data in (<c>Shop:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One embedded file beside the shop: nothing to install; one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for a shop that outgrows one machine (see docs/concurrency.md).</summary>
    PostgreSQL,
}
