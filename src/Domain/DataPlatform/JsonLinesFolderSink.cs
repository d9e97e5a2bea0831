using System.Text;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.DataPlatform;

/// <summary>The default sink: one JSON object per line, in a file per message type and UTC day.</summary>
public sealed class JsonLinesFolderSink(IOptions<DataPlatformOptions> options) : IDataPlatformSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(DataPlatformMessage message, CancellationToken ct)
    {
        var folder = options.Value.Folder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{message.Type}-{message.CreatedAt:yyyy-MM-dd}.jsonl");
        var line = message.ToJson() + "\n";

        await _gate.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(path, line, Encoding.UTF8, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
