using System.Globalization;

namespace ECommerce.Bench;

internal sealed record ScenarioResult(string Name, Measured Measured, double RetriesPerOp, bool InvariantsHold, string Extra = "")
{
    /// <param name="rawOpsPerSecond">The store's one-update floor (vs_raw=).</param>
    /// <param name="batchedOpsPerSecond">The bare driver running the same batch (vs_batched=).</param>
    public string Format(double? rawOpsPerSecond, double? batchedOpsPerSecond = null)
    {
        var vsRaw = rawOpsPerSecond is { } raw ? $" vs_raw={Measured.OpsPerSecond / raw:0.000}" : "";
        vsRaw += batchedOpsPerSecond is { } batched ? $" vs_batched={Measured.OpsPerSecond / batched:0.000}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"scenario={Name} ops_per_s={Measured.OpsPerSecond:0} p50_ms={Measured.P50Ms:0.000} p99_ms={Measured.P99Ms:0.000} " +
            $"retries_per_op={RetriesPerOp:0.000} invariants={(InvariantsHold ? "ok" : "BROKEN")}{vsRaw} " +
            $"cpu_us_per_op={Measured.CpuMicrosecondsPerOperation:0.0}{(Extra.Length > 0 ? " " + Extra : "")}");
    }
}
