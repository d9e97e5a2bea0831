using System.Text;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// The default sink: one JSON object per line (UTF-8, no byte-order mark), in a file per message type and UTC day.
/// Several processes may share the folder, so each line is appended under an OS lock on the file (see
/// <see cref="JsonLinesFile"/>) and flushed to disk before the send returns: the outbox marks a message
/// delivered only once its line is durable.
/// </summary>
public sealed class JsonLinesFolderSink(IOptions<DataPlatformOptions> options) : IDataPlatformSink
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public async Task SendAsync(DataPlatformMessage message, CancellationToken ct)
    {
        var folder = options.Value.Folder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{message.Type}-{message.CreatedAt:yyyy-MM-dd}.jsonl");
        await JsonLinesFile.AppendLineAsync(path, Utf8NoBom.GetBytes(message.ToJson() + "\n"), ct);
    }
}
