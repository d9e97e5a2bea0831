namespace ECommerce.Domain.Persistence;

/// <summary>
/// How a unit of work holds the database. Either way every stock, coupon, wallet and order row it changes
/// is guarded by its optimistic token, and a conflict reruns the whole unit: the shape only decides how
/// often conflicts happen. See docs/concurrency.md.
/// </summary>
public enum TransactionShape
{
    /// <summary>
    /// Reads and writes inside one write transaction (SQLite: BEGIN IMMEDIATE). Writers of one database
    /// take turns, so tokens rarely fire; no work is thrown away.
    /// </summary>
    Serialized,

    /// <summary>
    /// Reads outside any transaction, writes in one short transaction at the end. Writers overlap, and
    /// a row changed in between makes the token fire and the unit rerun.
    /// </summary>
    Optimistic,
}
