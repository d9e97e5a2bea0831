using System.Threading.Channels;

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
public sealed class CommandBatcher<TCommand, TResult> : IAsyncDisposable
{
    /// <summary>Decides a batch: one outcome per command, in order. Runs again from scratch on a conflict.</summary>
    public delegate Task<Result<TResult>[]> DecideBatch(ShopDbContext db, IReadOnlyList<TCommand> commands);

    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private readonly UnitOfWork _unitOfWork;
    private readonly DecideBatch _decide;
    private readonly Task _worker;

    public CommandBatcher(UnitOfWork unitOfWork, DecideBatch decide)
    {
        _unitOfWork = unitOfWork;
        _decide = decide;
        _worker = unitOfWork.GroupCommit ? Task.Run(DecideQueuedCommandsAsync) : Task.CompletedTask;
    }

    /// <summary>
    /// The command's outcome once its batch has committed. A caller that stops waiting does not withdraw the
    /// command: like a request whose answer was lost, it may still have taken effect (the commands carry
    /// request keys where a repeat matters).
    /// </summary>
    public Task<Result<TResult>> SubmitAsync(TCommand command)
    {
        if (!_unitOfWork.GroupCommit)
        {
            return DecideAloneAsync(command);
        }

        var pending = new Pending(command);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Outcome.Task;
    }

    /// <summary>Without group commit: the command is a unit of work of its own, on the caller's turn.</summary>
    private async Task<Result<TResult>> DecideAloneAsync(TCommand command)
    {
        var decided = await _unitOfWork.RunAsync<Result<TResult>[]>(async db => await _decide(db, [command]));
        return decided.IsSuccess ? decided.Value[0] : decided.Error;
    }

    private async Task DecideQueuedCommandsAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await DecideAsync(batch);
        }
    }

    private async Task DecideAsync(List<Pending> batch)
    {
        try
        {
            var commands = batch.Select(p => p.Command).ToList();
            var decided = await _unitOfWork.RunAsync<Result<TResult>[]>(async db => await _decide(db, commands));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(decided.IsSuccess ? decided.Value[i] : decided.Error);
            }
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Outcome.TrySetException(e));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
    }

    private sealed record Pending(TCommand Command)
    {
        public TaskCompletionSource<Result<TResult>> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
