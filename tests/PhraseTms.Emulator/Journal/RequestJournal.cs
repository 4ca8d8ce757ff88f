namespace PhraseTms.Emulator;

/// <summary>Every API request received, in arrival order. Thread-safe. A request is added as soon as its body has been
/// read, before it is answered, so it is always visible once the client has its response.</summary>
public sealed class RequestJournal
{
    private readonly object _lock = new();
    private readonly List<RecordedRequest> _items = [];
    private readonly List<(string? Method, string? PathContains, TaskCompletionSource<RecordedRequest> Next)> _waiters = [];

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

    /// <summary>The next matching request to arrive (one recorded before the call does not count), as soon as it is
    /// recorded, i.e. while it is still being answered. Matching as in <see cref="Matching"/>.</summary>
    public Task<RecordedRequest> NextAsync(string? method, string? pathContains, CancellationToken ct = default)
    {
        var next = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (method, pathContains, next);
        lock (_lock) _waiters.Add(waiter);
        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(() =>
            {
                lock (_lock) _waiters.Remove(waiter);
                next.TrySetCanceled(ct);
            });
            next.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return next.Task;
    }

    internal void Add(RecordedRequest request)
    {
        List<TaskCompletionSource<RecordedRequest>> matched = [];
        lock (_lock)
        {
            _items.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!Matches(request.Method, request.Path, _waiters[i].Method, _waiters[i].PathContains)) continue;
                matched.Add(_waiters[i].Next);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var next in matched) next.TrySetResult(request);
    }

    internal static bool Matches(string requestMethod, string requestPath, string? method, string? pathContains) =>
        (string.IsNullOrEmpty(method) || method == "*" || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(pathContains) || requestPath.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
}
