using System.Globalization;

namespace ECommerce.Bench;

internal sealed record ScenarioResult(string Name, Measured Measured, double RetriesPerOp, bool InvariantsHold, string Extra = "")
{
    public string Format(double? rawOpsPerSecond)
    {
        var vsRaw = rawOpsPerSecond is { } raw ? $" vs_raw={Measured.OpsPerSecond / raw:0.000}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"scenario={Name} ops_per_s={Measured.OpsPerSecond:0} p50_ms={Measured.P50Ms:0.000} p99_ms={Measured.P99Ms:0.000} " +
            $"retries_per_op={RetriesPerOp:0.000} invariants={(InvariantsHold ? "ok" : "BROKEN")}{vsRaw} " +
            $"cpu_us_per_op={Measured.CpuMicrosecondsPerOperation:0.0}{(Extra.Length > 0 ? " " + Extra : "")}");
    }
}
