using System.Globalization;
using System.Text.Json;

namespace ECommerce.CircuitLoad;

/// <summary>
/// The server's share of the page actions, read from the instance's own debug log (bench/circuits.sh --server-log turns
/// it on): per event, from the circuit host's "Invoking instance method 'DispatchEventAsync'" to the renderer's "Sending
/// render batch" that followed on the same connection (the handler and the render), and that batch's "Completing batch
/// ... in" (sent, applied by the browser, acknowledged). The log's timestamps are whole milliseconds.
/// </summary>
internal static class ServerShare
{
    public static IEnumerable<string> Read(string logPath)
    {
        var eventArrived = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var batchOfEvent = new Dictionary<(string Connection, long Batch), long>();
        var server = new List<double>();
        var browser = new List<double>();
        var sizes = new List<double>();
        foreach (var line in File.ReadLines(logPath))
        {
            if (!line.StartsWith('{') || !(line.Contains("DispatchEventAsync", StringComparison.Ordinal)
                || line.Contains("render batch", StringComparison.Ordinal) || line.Contains("Completing batch", StringComparison.Ordinal)))
            {
                continue;
            }

            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            var message = root.GetProperty("Message").GetString() ?? "";
            var at = DateTime.Parse(root.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var connection = ConnectionOf(root);
            if (message.StartsWith("Invoking instance method 'DispatchEventAsync'", StringComparison.Ordinal))
            {
                eventArrived[connection] = at;
            }
            else if (message.StartsWith("Sending render batch", StringComparison.Ordinal) && eventArrived.Remove(connection, out var arrived))
            {
                var state = root.GetProperty("State");
                batchOfEvent[(connection, state.GetProperty("BatchId").GetInt64())] = 0;
                server.Add((at - arrived).TotalMilliseconds);
                sizes.Add(state.GetProperty("DataLength").GetInt64());
            }
            else if (message.StartsWith("Completing batch", StringComparison.Ordinal)
                && root.GetProperty("State") is var completed
                && batchOfEvent.Remove((connection, completed.GetProperty("BatchId").GetInt64())))
            {
                browser.Add(completed.GetProperty("ElapsedMilliseconds").GetDouble());
            }
        }

        string Spread(List<double> values) => values.Count == 0 ? "none"
            : string.Create(CultureInfo.InvariantCulture,
                $"p50={PageAction.Percentile([.. values], 0.5):F1} p99={PageAction.Percentile([.. values], 0.99):F1}");
        yield return $"server share of the {server.Count} events (instance's debug log): event arrived -> its render batch sent {Spread(server)} ms; " +
            $"batch sent -> applied and acknowledged by the browser {Spread(browser)} ms; batch size {Spread(sizes)} bytes";
    }

    // The circuit's WebSocket connection (Kestrel's connection id, in the log's scopes): events and batches of one circuit.
    private static string ConnectionOf(JsonElement root)
    {
        if (root.TryGetProperty("Scopes", out var scopes))
        {
            foreach (var scope in scopes.EnumerateArray())
            {
                if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("ConnectionId", out var id))
                {
                    return id.GetString() ?? "";
                }
            }
        }

        return "";
    }
}
