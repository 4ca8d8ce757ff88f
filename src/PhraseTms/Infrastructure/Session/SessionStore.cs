using PhraseTms.Client.Connection;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The current session of the process: set by Connect-PhraseTms, used by every cmdlet without -Session, shared by
/// runspaces of the process (so ForEach-Object -Parallel can use it). A cmdlet takes a lease on its session once per
/// invocation (<see cref="Acquire"/>); replacing or removing the current session disposes it, which only stops new
/// leases: calls running on it finish on it, and it is released when the last one ends.
/// </summary>
internal static class SessionStore
{
    private static PhraseTmsSession? _current;

    public static PhraseTmsSession? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Makes <paramref name="session"/> current (null: none) and disposes the one it replaces, which ends once the calls
    /// running on it have; returns that one.
    /// </summary>
    public static PhraseTmsSession? Replace(PhraseTmsSession? session)
    {
        var previous = Interlocked.Exchange(ref _current, session);
        previous?.Dispose();
        return previous;
    }

    /// <summary>
    /// A lease on <paramref name="given"/> (-Session), or else on the current session; null when there is none or it
    /// has been disconnected.
    /// </summary>
    public static PhraseTmsSession.Lease? Acquire(PhraseTmsSession? given)
    {
        if (given is not null) return given.TryAcquire();
        while (Current is { } session)
        {
            if (session.TryAcquire() is { } lease) return lease;
            // Disposed between the read and the lease: a new current session, or none, is there now.
            if (ReferenceEquals(Current, session)) return null;
        }
        return null;
    }
}
