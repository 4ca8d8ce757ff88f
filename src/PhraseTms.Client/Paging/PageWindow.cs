namespace PhraseTms.Client.Paging;

/// <summary>
/// The pages a pager has requested and not yet handed out, in page order. At most <c>capacity</c> pages are
/// requested or being consumed at once, so memory is bounded by that many pages and at most that many requests are
/// in flight; capacity 1 requests each page only after the previous one was consumed. Pages are handed out strictly in
/// order, each page's error surfacing when its turn comes. Disposing cancels the requests still in flight and waits
/// for them, so none outlives the enumeration and no failure goes unobserved.
/// </summary>
internal sealed class PageWindow<T> : IAsyncDisposable
{
    private readonly PageFetcher<T> _fetch;
    private readonly int _pageSize;
    private readonly int _capacity;
    private readonly CancellationTokenSource _cancel;
    private readonly Queue<Task<IPage<T>>> _pending = new();
    private int _nextPage;
    private int _lastPage;

    public PageWindow(PageFetcher<T> fetch, int pageSize, int capacity, int firstPage, CancellationToken ct)
    {
        _fetch = fetch;
        _pageSize = pageSize;
        _capacity = Math.Max(1, capacity);
        _nextPage = firstPage;
        _lastPage = firstPage;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
    }

    /// <summary>
    /// Sets the last page worth requesting (as the latest page tells it) and reads ahead while the caller hands out
    /// the page it holds.
    /// </summary>
    public void ReadAhead(int lastPage)
    {
        _lastPage = lastPage;
        Fill(consuming: 1);
    }

    /// <summary>The next page in order (requested now if nothing is outstanding); tops the window up.</summary>
    public Task<IPage<T>> NextAsync()
    {
        if (_pending.Count == 0) Request(readAhead: false);
        Fill(consuming: 0);
        return _pending.Dequeue();
    }

    private void Fill(int consuming)
    {
        while (_pending.Count + consuming < _capacity && _nextPage <= _lastPage) Request(readAhead: true);
    }

    /// <summary>A page read ahead is started on the thread pool, so the caller goes on handing out items at once.</summary>
    private void Request(bool readAhead)
    {
        var pageNumber = _nextPage++;
        _pending.Enqueue(readAhead && _capacity > 1 ? Task.Run(() => Start(pageNumber)) : Start(pageNumber));
    }

    private Task<IPage<T>> Start(int pageNumber)
    {
        try
        {
            return _fetch(pageNumber, _pageSize, _cancel.Token);
        }
        catch (Exception ex)
        {
            // A fetcher that throws before its first await still fails in its turn, not out of order.
            return Task.FromException<IPage<T>>(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pending.Count > 0)
        {
            _cancel.Cancel();
            while (_pending.TryDequeue(out var task))
            {
                try { await task.ConfigureAwait(false); }
                catch { /* read ahead and no longer wanted: its outcome does not matter, only that it is observed */ }
            }
        }
        _cancel.Dispose();
    }
}
