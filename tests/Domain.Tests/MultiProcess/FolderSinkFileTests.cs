using ECommerce.Domain.Tests.Support;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>The folder sink's file, byte by byte: plain UTF-8 JSON lines, and a line torn by a killed writer cut off.</summary>
// The sink's file only: the store makes no difference.
[Trait(TestStore.Trait, TestStore.NoDatabase)]
public sealed class FolderSinkFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("folder-sink-").FullName;

    [Fact]
    public async Task A_new_file_starts_with_json_not_a_byte_order_mark()
    {
        await SendAsync("first");

        var bytes = await File.ReadAllBytesAsync(SingleFile());
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal("first", KeysIn(bytes).Single());
    }

    [Fact]
    public async Task A_partial_last_line_left_by_a_killed_writer_is_cut_off_before_the_next_line()
    {
        await SendAsync("whole");
        await File.AppendAllTextAsync(SingleFile(), "{\"idempotencyKey\":\"torn\",\"type\":\"order-pa", new UTF8Encoding(false));

        await SendAsync("next");

        // "torn" was never acknowledged (its writer died before the flush), so the outbox sends it again later.
        Assert.Equal(["whole", "next"], KeysIn(await File.ReadAllBytesAsync(SingleFile())));
    }

    [Fact]
    public async Task A_file_holding_only_a_partial_line_is_emptied_before_the_next_line()
    {
        await SendAsync("whole");
        await File.WriteAllTextAsync(SingleFile(), "{\"idempotencyKey\":\"to", new UTF8Encoding(false));

        await SendAsync("next");

        Assert.Equal(["next"], KeysIn(await File.ReadAllBytesAsync(SingleFile())));
    }

    [Fact]
    public async Task A_batch_is_appended_file_by_file_in_order_and_a_file_that_cannot_be_written_fails_only_its_messages()
    {
        var monday = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        await SendAsync("before");
        // Tuesday's file cannot be opened: a folder stands where it would be.
        Directory.CreateDirectory(Path.Combine(_folder, "order-paid-2026-12-01.jsonl"));
        DataPlatformMessage[] batch =
        [
            new("a", "order-paid", monday, "{\"n\":1}"),
            new("t1", "order-paid", monday.AddDays(1), "{\"n\":2}"),
            new("b", "order-paid", monday.AddHours(5), "{\"n\":3}"),
            new("t2", "order-paid", monday.AddDays(1), "{\"n\":4}"),
            new("c", "order-paid", monday.AddHours(23), "{\"n\":5}"),
        ];

        var failures = await Sink().SendAllAsync(batch, CancellationToken.None);

        Assert.Equal([false, true, false, true, false], failures.Select(f => f is not null));
        var mondayFile = Path.Combine(_folder, "order-paid-2026-11-30.jsonl");
        Assert.Equal(["before", "a", "b", "c"], KeysIn(await File.ReadAllBytesAsync(mondayFile)));
    }

    [Fact]
    public async Task A_partial_last_line_is_cut_off_before_a_batch_too()
    {
        await SendAsync("whole");
        await File.AppendAllTextAsync(SingleFile(), "{\"idempotencyKey\":\"torn\"", new UTF8Encoding(false));
        var at = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

        var failures = await Sink().SendAllAsync(
            [new DataPlatformMessage("x", "order-paid", at, "{}"), new DataPlatformMessage("y", "order-paid", at, "{}")], CancellationToken.None);

        Assert.All(failures, Assert.Null);
        Assert.Equal(["whole", "x", "y"], KeysIn(await File.ReadAllBytesAsync(SingleFile())));
    }

    private JsonLinesFolderSink Sink() => new(Options.Create(new DataPlatformOptions { Folder = _folder }));

    private Task SendAsync(string key) =>
        new JsonLinesFolderSink(Options.Create(new DataPlatformOptions { Folder = _folder }))
            .SendAsync(new DataPlatformMessage(key, "order-paid", new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc), "{\"n\":1}"), CancellationToken.None);

    private string SingleFile() => Assert.Single(Directory.GetFiles(_folder));

    private static List<string> KeysIn(byte[] bytes) => Encoding.UTF8.GetString(bytes)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("idempotencyKey").GetString()!)
        .ToList();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
