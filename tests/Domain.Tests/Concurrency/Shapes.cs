namespace ECommerce.Domain.Tests.Concurrency;

public static class Shapes
{
    /// <summary>
    /// Every race runs in both transaction shapes: Serialized (the default: writers take turns, tokens rarely
    /// fire) and Optimistic (writers overlap, so the tokens and the retry really do the work).
    /// </summary>
    public static TheoryData<TransactionShape> Both => [TransactionShape.Serialized, TransactionShape.Optimistic];
}
