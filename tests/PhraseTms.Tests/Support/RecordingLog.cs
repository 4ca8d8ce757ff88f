using System.Collections.Concurrent;
using PhraseTms.Client.Http;

namespace PhraseTms.Tests.Support;

/// <summary>Keeps every line the client logs, so tests can check what -Verbose would show.</summary>
public sealed class RecordingLog : IClientLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string All => string.Join("\n", _lines);

    public void Verbose(string message) => _lines.Enqueue("VERBOSE: " + message);
    public void Warning(string message) => _lines.Enqueue("WARNING: " + message);
}
