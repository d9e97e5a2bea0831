using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Domain.Live;

/// <summary>
/// On PostgreSQL, one connection per instance that LISTENs on <see cref="ChangeFeed.Channel"/> and hands what the
/// other instances' units of work committed to this instance's <see cref="ChangeFeed"/>. A lost connection is
/// opened again after a growing pause (up to <see cref="MaxPause"/>); meanwhile pages keep their last figures, and
/// once it listens again the feed is told that anything may have changed (<see cref="ChangeFeed.MissedChanges"/>):
/// the NOTIFYs sent while it was away were delivered to no one here.
/// Nothing to do on SQLite: there every writer is in this process (or reads the file it shares).
/// </summary>
public sealed class PostgreSqlChangeListener(
    ChangeFeed feed,
    IOptions<DatabaseOptions> database,
    ILogger<PostgreSqlChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _listened;

    // Set once an attempt to listen failed or a listening connection was lost: from then on, changes may have gone unheard.
    private bool _missedAny;

    /// <summary>Completes once the first LISTEN is in place (a test waits for it before changing anything).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.IsSqlite)
        {
            _listening.TrySetResult();
            return;
        }

        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A connection that was listening starts the pauses over; one that never got there keeps growing them.
                pause = _listened ? FirstPause : pause;
                _listened = false;
                _missedAny = true;
                logger.LogWarning(e, "Listening for other instances' changes failed; trying again in {Pause}", pause);
                await Task.Delay(pause, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, pause.Ticks * 2));
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Its own connection, outside the pool: it stays open and idle for the life of the instance.
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 30,
            ApplicationName = "shop-change-listener",
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => feed.Received(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeFeed.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        _listened = true;
        _listening.TrySetResult();
        if (_missedAny)
        {
            // Only now, with the LISTEN in place: a change committed from here on is heard, one before is read afresh.
            logger.LogInformation("Listening again after a lost connection; open pages take every figure afresh");
            feed.MissedChanges();
        }

        logger.LogInformation("Listening for other instances' changes on {Channel}", ChangeFeed.Channel);
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }
}
