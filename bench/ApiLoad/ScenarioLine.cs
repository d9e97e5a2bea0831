namespace ECommerce.ApiLoad;

/// <summary>One scenario's result, printed as the domain benchmark prints its lines.</summary>
internal sealed record ScenarioLine(string Name, double OpsPerSecond, double P50Ms, double P99Ms, int Failures,
    IReadOnlyList<string> Broken, double FloorOpsPerSecond, string Extra)
{
    public bool InvariantsHold => Broken.Count == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"scenario={Name} ops_per_s={OpsPerSecond:0} p50_ms={P50Ms:0.0} p99_ms={P99Ms:0.0} failures={Failures} " +
        $"invariants={(InvariantsHold ? "ok" : "BROKEN")} vs_floor={OpsPerSecond / FloorOpsPerSecond:0.000} " +
        $"floor_ops_per_s={FloorOpsPerSecond:0}{(Extra.Length > 0 ? " " + Extra : "")}");
}
