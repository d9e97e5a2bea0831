namespace ECommerce.Domain.Tests.Concurrency;

public static class Shapes
{
    /// <summary>
    /// The two transaction shapes: Serialized (the default: writers take turns, tokens rarely fire) and
    /// Optimistic (writers overlap, so the tokens and the retry really do the work).
    /// </summary>
    public static TheoryData<TransactionShape> Both => [TransactionShape.Serialized, TransactionShape.Optimistic];

    /// <summary>
    /// Every race runs in three modes: each shape with group commit (the default: racing claims, charges and
    /// payments of one process are decided together), and Optimistic with every command a unit of its own,
    /// as many single-request processes would send them: the mode in which the tokens and the retry carry
    /// the whole race.
    /// </summary>
    public static TheoryData<TransactionShape, bool> Modes => new()
    {
        { TransactionShape.Serialized, true },
        { TransactionShape.Optimistic, true },
        { TransactionShape.Optimistic, false },
    };
}
