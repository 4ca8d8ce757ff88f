using PhraseTms.Client.Connection;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The current session of the process: set by Connect-PhraseTms, used by every cmdlet without -Session, shared by
/// runspaces of the process (so ForEach-Object -Parallel can use it).
/// </summary>
internal static class SessionStore
{
    private static PhraseTmsSession? _current;

    public static PhraseTmsSession? Current => Volatile.Read(ref _current);

    /// <summary>Replaces the current session; returns the one it replaced.</summary>
    public static PhraseTmsSession? Replace(PhraseTmsSession? session) => Interlocked.Exchange(ref _current, session);
}
