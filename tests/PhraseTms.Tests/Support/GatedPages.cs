using PhraseTms.Client.Paging;

namespace PhraseTms.Tests.Support;

/// <summary>
/// An in-memory list (item i = i) whose pages answer only when the test releases or fails them (or at once with
/// <see cref="AutoRelease"/>). Records which pages were requested, how many were in flight at most, which saw their
/// cancellation, and how many items the consumer had received when each page was requested.
/// </summary>
public sealed class GatedPages(int total)
{
    private readonly object _lock = new();
    private readonly Dictionary<int, TaskCompletionSource> _gates = [];
    private readonly List<int> _requested = [];
    private readonly List<int> _cancelled = [];
    private readonly Dictionary<int, long> _consumedAtRequest = [];
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Pages answer as soon as they are requested (after a yield), optionally after a per-page delay.</summary>
    public bool AutoRelease { get; init; }

    /// <summary>With <see cref="AutoRelease"/>: how long page n takes to answer.</summary>
    public Func<int, TimeSpan>? Delay { get; init; }

    /// <summary>Set by the test's consumer: items received so far.</summary>
    public long Consumed;

    public IReadOnlyList<int> Requested { get { lock (_lock) return _requested.ToArray(); } }
    public IReadOnlyList<int> Cancelled { get { lock (_lock) return _cancelled.ToArray(); } }
    public int InFlight { get { lock (_lock) return _inFlight; } }
    public int MaxInFlight { get { lock (_lock) return _maxInFlight; } }
    public long ConsumedWhenRequested(int page) { lock (_lock) return _consumedAtRequest[page]; }

    public async Task<IPage<int>> Fetch(int page, int size, CancellationToken ct)
    {
        TaskCompletionSource gate;
        lock (_lock)
        {
            _requested.Add(page);
            _consumedAtRequest[page] = Interlocked.Read(ref Consumed);
            _maxInFlight = Math.Max(_maxInFlight, ++_inFlight);
            gate = Gate(page);
        }
        try
        {
            await Task.Yield();
            if (AutoRelease)
            {
                if (Delay?.Invoke(page) is { } delay && delay > TimeSpan.Zero) await Task.Delay(delay, ct);
                gate.TrySetResult();
            }
            await gate.Task.WaitAsync(ct);
            var items = Enumerable.Range(page * size, Math.Max(0, Math.Min(size, total - page * size))).ToList();
            return new Page<int>
            {
                Content = items, PageNumber = page, PageSize = size, NumberOfElements = items.Count,
                TotalElements = total, TotalPages = (total + size - 1) / size,
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            lock (_lock) _cancelled.Add(page);
            throw;
        }
        finally
        {
            lock (_lock) _inFlight--;
        }
    }

    public void Release(int page) { lock (_lock) Gate(page).TrySetResult(); }

    public void Fail(int page, Exception error) { lock (_lock) Gate(page).TrySetException(error); }

    /// <summary>Waits (up to 5 s) until <paramref name="count"/> pages have been requested; read-ahead starts on the thread pool.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        for (var waited = 0; Requested.Count < count; waited += 5)
        {
            if (waited > 5000) throw new TimeoutException($"expected {count} page requests, got [{string.Join(", ", Requested)}]");
            await Task.Delay(5);
        }
    }

    private TaskCompletionSource Gate(int page)
    {
        if (!_gates.TryGetValue(page, out var gate))
            _gates[page] = gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return gate;
    }
}
