namespace PhraseTms.Client.Http;

/// <summary>
/// The log of the operation in progress. A session outlives the cmdlet that connected it, so each cmdlet sets its
/// own log around the calls it makes (it flows into every task those calls start, prefetching included).
/// </summary>
public static class ClientLogContext
{
    private static readonly AsyncLocal<IClientLog?> CurrentLog = new();

    /// <summary>The log set by the caller, if any.</summary>
    public static IClientLog? Current => CurrentLog.Value;

    /// <summary>Sets the log until the returned scope is disposed.</summary>
    public static IDisposable Use(IClientLog log)
    {
        var previous = CurrentLog.Value;
        CurrentLog.Value = log;
        return new Scope(previous);
    }

    private sealed class Scope(IClientLog? previous) : IDisposable
    {
        public void Dispose() => CurrentLog.Value = previous;
    }
}
