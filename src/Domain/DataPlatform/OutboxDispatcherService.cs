using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.DataPlatform;

/// <summary>
/// Runs the <see cref="OutboxDispatcher"/> in the background: shortly after a payment (<see cref="DataPlatformOptions.GatherDelay"/>),
/// at once again after a full batch, and every poll interval.
/// </summary>
public sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<DataPlatformOptions> options,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (delivered, failed) = await dispatcher.DispatchDueAsync(stoppingToken);
                if (delivered + failed >= options.Value.BatchSize && failed == 0)
                {
                    continue; // A full batch: more are waiting.
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Outbox dispatch failed; trying again at the next poll");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                // Woken by a payment: the payments of the next moments go in the same batch. Sending each payment batch's
                // few messages at once cost a lease, a flush to disk and a mark for every handful of paid orders.
                await Task.Delay(options.Value.GatherDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
