using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Persistence;

/// <summary>Recognises the failures that mean "someone else changed it first": rerunning the unit of work resolves them.</summary>
internal static class Conflicts
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        SqliteException e => e.SqliteErrorCode is SqliteBusy or SqliteLocked || IsUniqueViolation(e),
        // PostgreSQL: unique violation, serialization failure, deadlock.
        DbException { SqlState: "23505" or "40001" or "40P01" } => true,
        { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };

    /// <summary>
    /// A unique index refused a row that a concurrent unit inserted first (the same shopper's coupon,
    /// the same idempotency key). The rerun reads that row and answers accordingly.
    /// </summary>
    private static bool IsUniqueViolation(SqliteException e) =>
        e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
}
