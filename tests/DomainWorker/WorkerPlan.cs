namespace ECommerce.DomainWorker;

/// <summary>
/// What one worker process does, written by the test as JSON: the shared database (an SQLite file, or the
/// <see cref="Provider"/> and <see cref="ConnectionString"/> of another store) and data-platform folder, the
/// shoppers, campaigns and products prepared there, and the mix of operations to send. With a
/// <see cref="DataPlatformUrl"/>, paid orders go to that HTTP endpoint instead of the folder. With a
/// <see cref="StartSignal"/>, the worker warms up (JIT, EF Core's query cache), prints "ready" and starts its timed
/// load only once that file exists, so that several workers' timings cover the same moments.
/// </summary>
public sealed record WorkerPlan(
    string Database,
    string DataPlatformFolder,
    IReadOnlyList<string> Shoppers,
    IReadOnlyList<int> Campaigns,
    IReadOnlyList<int> Products,
    WorkerMix Mix,
    int Tasks,
    double Seconds,
    string? StartSignal = null,
    string Provider = "Sqlite",
    string? ConnectionString = null,
    string? DataPlatformUrl = null);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WorkerMix>))]
public enum WorkerMix
{
    /// <summary>Claims, charges, orders with and without coupons, payments and admin restocks, all at once.</summary>
    Everything,

    /// <summary>Orders and their payments, with charges to keep wallets filled: the crash loop's load.</summary>
    Payments,

    /// <summary>Payments and claims only, timed: the fairness measurement.</summary>
    PaymentsAndClaims,

    /// <summary>Charges only, big ones, on few wallets: the race up to the balance cap.</summary>
    Charges,

    /// <summary>Messages straight to the folder sink, as many processes' dispatchers would send them.</summary>
    SinkAppends,
}
