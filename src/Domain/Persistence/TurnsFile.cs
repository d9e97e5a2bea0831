using System.IO.MemoryMappedFiles;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// The counters of <see cref="WriteTurns"/> in a small file mapped by every process of one database: the next ticket,
/// the ticket being served, and who drew each of the last <see cref="Slots"/> tickets.
/// <para>
/// Each access is one atomic operation on the mapping, and the mapping is released only once no access is in flight:
/// a waiter still polling when its host shuts down (the outbox dispatcher, a cancelled unit's hidden wait) must not
/// read memory already unmapped, which kills the process outright. After disposal an access reports
/// <see cref="ObjectDisposedException"/>, and a pass-on does nothing.
/// </para>
/// </summary>
internal sealed class TurnsFile : IDisposable
{
    /// <summary>Far more than writers can queue: one per process, plus those a cancelled wait still holds.</summary>
    public const int Slots = 256;

    private const int Size = 128 + (Slots * sizeof(long));

    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly nint _start;
    private int _users;
    private int _disposed;
    private int _released;

    public unsafe TurnsFile(FileStream file)
    {
        _map = MemoryMappedFile.CreateFromFile(file, mapName: null, capacity: Size, MemoryMappedFileAccess.ReadWrite,
            HandleInheritability.None, leaveOpen: false);
        _view = _map.CreateViewAccessor(0, Size);
        byte* start = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _start = (nint)(start + _view.PointerOffset);
    }

    /// <summary>The next ticket to draw.</summary>
    private unsafe ref long Next => ref *(long*)_start;

    /// <summary>The ticket whose turn it is; on its own cache line, since waiters read it in a loop while others draw.</summary>
    private unsafe ref long Serving => ref *(long*)(_start + 64);

    /// <summary>The drawer of a ticket: the ticket's low 32 bits and the process id in one word, written and read at once.</summary>
    private unsafe ref long Drawer(long ticket) => ref *(long*)(_start + 128 + (ticket % Slots * sizeof(long)));

    public long Draw(int processId)
    {
        Enter();
        try
        {
            var ticket = Interlocked.Increment(ref Next) - 1;
            Volatile.Write(ref Drawer(ticket), (ticket << 32) | (uint)processId);
            return ticket;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Records that nobody will use <paramref name="ticket"/> (its queue was disposed): waiters skip it at once.</summary>
    public void Abandon(long ticket)
    {
        if (!TryEnter())
        {
            return;
        }

        try
        {
            // Process id 0 names no process, so the ticket reads as its drawer's being gone; a slot reused since is left alone.
            var drawer = Volatile.Read(ref Drawer(ticket));
            if ((drawer >>> 32) == (ticket & uint.MaxValue))
            {
                Interlocked.CompareExchange(ref Drawer(ticket), ticket << 32, drawer);
            }
        }
        finally
        {
            Exit();
        }
    }

    public long ReadServing()
    {
        Enter();
        try
        {
            return Volatile.Read(ref Serving);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>The process that drew <paramref name="ticket"/>, or null when its slot does not say (not written yet).</summary>
    public int? DrawerOf(long ticket)
    {
        Enter();
        try
        {
            var drawer = Volatile.Read(ref Drawer(ticket));
            return (drawer >>> 32) == (ticket & uint.MaxValue) ? (int)(uint)drawer : null;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Moves "now serving" from <paramref name="ticket"/> to the next, unless it has moved already.</summary>
    public void PassOn(long ticket)
    {
        if (!TryEnter())
        {
            return;
        }

        try
        {
            Interlocked.CompareExchange(ref Serving, ticket + 1, ticket);
        }
        finally
        {
            Exit();
        }
    }

    private void Enter() => ObjectDisposedException.ThrowIf(!TryEnter(), this);

    private bool TryEnter()
    {
        Interlocked.Increment(ref _users);
        if (Volatile.Read(ref _disposed) == 0)
        {
            return true;
        }

        Exit();
        return false;
    }

    private void Exit()
    {
        if (Interlocked.Decrement(ref _users) == 0 && Volatile.Read(ref _disposed) != 0)
        {
            Release();
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        if (Volatile.Read(ref _users) == 0)
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
