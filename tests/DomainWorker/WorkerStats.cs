namespace ECommerce.DomainWorker;

/// <summary>The last line a worker prints: how many operations of each kind it completed and how long they took.</summary>
public sealed record WorkerStats(string Worker, int Errors, IReadOnlyDictionary<string, OperationFigures> Operations);
