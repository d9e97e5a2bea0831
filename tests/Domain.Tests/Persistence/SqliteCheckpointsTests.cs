using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>
/// The write-ahead log is copied back into the database by the shop's background checkpoints, not left to the commit
/// that takes it past SQLite's limit (10,000 pages here: far more than these writes make).
/// </summary>
[Trait(TestStore.Trait, TestStore.SqliteOnly)]
public sealed class SqliteCheckpointsTests
{
    [Fact]
    public async Task What_the_commits_append_to_the_log_is_soon_copied_back()
    {
        await using var shop = await ShopHarness.StartAsync();
        // Held open, so that no last connection's close (another test clearing every pool) folds the log in instead.
        await using var watcher = new SqliteConnection($"Data Source={shop.DatabasePath};Pooling=False");
        await watcher.OpenAsync();
        await using (var read = watcher.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM \"Categories\"";
            await read.ExecuteScalarAsync();
        }

        var category = await shop.AddCategoryAsync();
        for (var i = 0; i < 20; i++)
        {
            await shop.AddProductAsync(categoryId: category);
        }

        var (frames, copied) = ReadLogIndex(shop.DatabasePath);
        for (var waited = 0; copied < frames && waited < 100; waited++)
        {
            await Task.Delay(50);
            (frames, copied) = ReadLogIndex(shop.DatabasePath);
        }

        Assert.True(frames > 0, "The writes appended nothing to the log.");
        Assert.Equal(frames, copied);
    }

    /// <summary>
    /// How many frames the log holds and how many of them are copied back, from the shared-memory index beside the file
    /// (sqlite.org/walformat.html: the header's mxFrame at byte 16, the checkpoint's nBackfill at byte 96, in the
    /// machine's byte order). Read without a connection: a connection of our own could checkpoint on its own account.
    /// </summary>
    private static (uint Frames, uint Copied) ReadLogIndex(string database)
    {
        using var index = new FileStream(database + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[100];
        index.ReadExactly(header);
        return (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(96)));
    }
}
