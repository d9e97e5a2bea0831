using System.Buffers;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// The default sink: one JSON object per line (UTF-8, no byte-order mark), in a file per message type and UTC day.
/// Several processes may share the folder, so lines are appended under an OS lock on the file (see
/// <see cref="JsonLinesFile"/>) and flushed to disk before the send returns: the outbox marks a message
/// delivered only once its line is durable.
/// </summary>
public sealed class JsonLinesFolderSink(IOptions<DataPlatformOptions> options) : IDataPlatformSink
{
    public Task SendAsync(DataPlatformMessage message, CancellationToken ct) =>
        JsonLinesFile.AppendLinesAsync(PathOf(Folder(), message), Lines([message]), ct);

    /// <summary>
    /// A batch's lines for one file go in one append: one open, lock, write and flush to disk for the batch instead of
    /// one per message (at a thousand paid orders a second, a thousand flushes a second). A failed append fails that
    /// file's messages only; lines of it that reached the file before a crash are sent again, under the same keys.
    /// </summary>
    public async Task<Exception?[]> SendAllAsync(IReadOnlyList<DataPlatformMessage> messages, CancellationToken ct)
    {
        var failures = new Exception?[messages.Count];
        var folder = Folder();
        foreach (var file in Enumerable.Range(0, messages.Count).GroupBy(i => PathOf(folder, messages[i])))
        {
            try
            {
                await JsonLinesFile.AppendLinesAsync(file.Key, Lines(file.Select(i => messages[i])), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                foreach (var i in file)
                {
                    failures[i] = e;
                }
            }
        }

        return failures;
    }

    /// <summary>The messages' lines as UTF-8 (no byte-order mark), each written straight into one buffer.</summary>
    private static ReadOnlyMemory<byte> Lines(IEnumerable<DataPlatformMessage> messages)
    {
        var lines = new ArrayBufferWriter<byte>();
        foreach (var message in messages)
        {
            message.WriteTo(lines);
            lines.Write("\n"u8);
        }

        return lines.WrittenMemory;
    }

    /// <summary>The folder, created if it is missing (someone may have removed it since the last send).</summary>
    private string Folder()
    {
        var folder = options.Value.Folder;
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string PathOf(string folder, DataPlatformMessage message) =>
        Path.Combine(folder, $"{message.Type}-{message.CreatedAt:yyyy-MM-dd}.jsonl");
}
