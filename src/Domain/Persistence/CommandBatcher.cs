using System.Diagnostics;
using System.Threading.Channels;
using ECommerce.Domain.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Group commit for one hot command (a claim, a charge, a payment). Commands that arrive while a batch is
/// being decided wait in a queue; the next batch decides all of them in one unit of work: one read of
/// every row they touch, each command checked and applied in arrival order against what the commands
/// before it did, one save, one commit. A lone command still goes through at once.
/// <para>
/// The decisions are those of one command at a time in arrival order. Every changed row still carries its
/// optimistic token, so a conflict with another process reruns the whole batch like any unit of work;
/// a command refused inside a batch changes nothing, as everywhere. See docs/concurrency.md.
/// </para>
/// </summary>
/// <remarks>Public only so the domain's public services can take it; nothing outside the domain can make or use one.</remarks>
public sealed class CommandBatcher<TCommand, TResult> : IHostedService, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int MaxGatherYields = 16;

    private readonly Channel<Pending> _queue =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private readonly UnitOfWork _unitOfWork;
    private readonly IBatchDecision<TCommand, TResult> _decision;
    private Task? _worker;

    internal CommandBatcher(UnitOfWork unitOfWork, IBatchDecision<TCommand, TResult> decision)
    {
        _unitOfWork = unitOfWork;
        _decision = decision;
    }

    /// <summary>The host starts the worker that decides queued commands (none without group commit).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_unitOfWork.GroupCommit)
        {
            _worker ??= Task.Run(DecideQueuedCommandsAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes no more commands, and returns once the queued ones are decided.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_worker is { } worker)
        {
            await worker.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The command's outcome once its batch has committed. A caller that stops waiting does not withdraw the
    /// command: like a request whose answer was lost, it may still have taken effect (the commands carry
    /// request keys where a repeat matters).
    /// </summary>
    internal Task<Result<TResult>> SubmitAsync(TCommand command)
    {
        // Without group commit, or before the host has started the worker (the demo data is seeded then), a
        // command is a unit of work of its own.
        if (!_unitOfWork.GroupCommit || _worker is null)
        {
            return DecideAloneAsync(command);
        }

        var pending = new Pending(command);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Outcome.Task;
    }

    /// <summary>The command as a unit of work of its own, on the caller's turn.</summary>
    private async Task<Result<TResult>> DecideAloneAsync(TCommand command)
    {
        var decided = await _unitOfWork.RunAsync<Result<TResult>[]>(async db => await _decision.DecideAsync(db, [command]));
        return decided.IsSuccess ? decided.Value[0] : decided.Error;
    }

    private async Task DecideQueuedCommandsAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            Take(batch);
            // The callers the last batch woke come back with their next command within microseconds, one thread-pool
            // turn after another: without waiting for them a batch alternates between the first few to arrive and
            // the rest (PostgreSQL's claims averaged 33 of 64 writers). So while commands keep arriving, the worker
            // yields and takes them too; a lone command costs one yield, and a stream at most MaxGatherYields.
            for (var yields = 0; yields < MaxGatherYields && batch.Count < MaxBatch; yields++)
            {
                var taken = batch.Count;
                await Task.Yield();
                if (Take(batch) == taken)
                {
                    break;
                }
            }

            await DecideAsync(batch);
        }
    }

    /// <summary>Adds what is queued to the batch, up to its limit; the batch's size after.</summary>
    private int Take(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        return batch.Count;
    }

    private async Task DecideAsync(List<Pending> batch)
    {
        _unitOfWork.Statistics.RecordBatch(batch.Count);
        Result<Result<TResult>[]> decided;
        try
        {
            using var commit = ShopTracing.StartCommit<TCommand>(batch.Select(p => p.Caller), batch.Count);
            var commands = batch.Select(p => p.Command).ToList();
            decided = await _unitOfWork.RunAsync<Result<TResult>[]>(async db => await _decision.DecideAsync(db, commands));
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Outcome.TrySetException(e));
            return;
        }

        // Once the commit's span has ended: a caller woken by its outcome may end its own span at once.
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(decided.IsSuccess ? decided.Value[i] : decided.Error);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private sealed record Pending(TCommand Command)
    {
        public TaskCompletionSource<Result<TResult>> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The span of whoever queued the command (a payment's), so the batch's commit links back to it.</summary>
        public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;
    }
}
