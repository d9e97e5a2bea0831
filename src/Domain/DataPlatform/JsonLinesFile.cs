namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// Appends whole lines to a file that other processes append to as well.
/// <para>
/// .NET's append mode does not open with O_APPEND: it remembers the end of the file at open and writes there,
/// so two processes appending at once overwrite each other's lines. Here the file is opened with
/// <see cref="FileShare.None"/>, which .NET turns into an exclusive OS lock (flock on Unix, a share lock on
/// Windows) held from open to close; under it the end of the file is read, the lines written there in one
/// write and flushed to disk, so a line is whole and durable before anyone else may append.
/// </para>
/// <para>
/// A process killed in the middle of a write can leave a partial last line. The next writer cuts it off before
/// appending: that message was never acknowledged, so the outbox sends it again.
/// </para>
/// </summary>
internal static class JsonLinesFile
{
    /// <summary>How long a writer waits for the others before the send fails (the outbox then retries later).</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>Appends <paramref name="lines"/> (whole lines, each ending in a newline) in one write, flushed to disk.</summary>
    public static async Task AppendLinesAsync(string path, ReadOnlyMemory<byte> lines, CancellationToken ct)
    {
        await using var file = await OpenLockedAsync(path, ct);
        var end = CutPartialLastLine(file);
        file.Position = end;
        await file.WriteAsync(lines, ct);
        file.Flush(flushToDisk: true);
    }

    private static async Task<FileStream> OpenLockedAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + LockWait;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another writer holds the file: it keeps it for one short append.
                await Task.Delay(Random.Shared.Next(1, 1 + Math.Min(attempt, 20)), ct);
            }
        }
    }

    /// <summary>The length up to the end of the last complete line; anything after it is cut off.</summary>
    private static long CutPartialLastLine(FileStream file)
    {
        var length = file.Length;
        if (length == 0 || LastByte(file, length) == (byte)'\n')
        {
            return length;
        }

        var buffer = new byte[4096];
        var position = length;
        while (position > 0)
        {
            var start = Math.Max(0, position - buffer.Length);
            var count = (int)(position - start);
            file.Position = start;
            file.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                position = start + newline + 1;
                break;
            }

            position = start;
        }

        file.SetLength(position);
        return position;
    }

    private static int LastByte(FileStream file, long length)
    {
        file.Position = length - 1;
        return file.ReadByte();
    }
}
