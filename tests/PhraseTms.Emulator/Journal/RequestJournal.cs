namespace PhraseTms.Emulator;

/// <summary>Every API request received, in arrival order. Thread-safe. A request is added as soon as its body has been
/// read, before it is answered, so it is always visible once the client has its response.</summary>
public sealed class RequestJournal
{
    private readonly object _lock = new();
    private readonly List<RecordedRequest> _items = [];

    public IReadOnlyList<RecordedRequest> All { get { lock (_lock) return _items.ToArray(); } }

    public int Count { get { lock (_lock) return _items.Count; } }

    public void Clear() { lock (_lock) _items.Clear(); }

    /// <summary>Requests whose method equals <paramref name="method"/> (case-insensitive; null, "" or "*" = any) and whose
    /// path contains <paramref name="pathContains"/> (case-insensitive; null or "" = any).</summary>
    public IReadOnlyList<RecordedRequest> Matching(string method, string pathContains)
    {
        lock (_lock)
            return _items.Where(r => Matches(r.Method, r.Path, method, pathContains)).ToArray();
    }

    internal void Add(RecordedRequest request) { lock (_lock) _items.Add(request); }

    internal static bool Matches(string requestMethod, string requestPath, string? method, string? pathContains) =>
        (string.IsNullOrEmpty(method) || method == "*" || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(pathContains) || requestPath.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
}
