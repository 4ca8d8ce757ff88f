using System.Runtime.CompilerServices;

namespace PhraseTms.Client.Paging;

/// <summary>
/// The one pager: streams the items of a list endpoint lazily, page by page. -Skip and -First shape the requests
/// (the first page asked for is the one holding item Skip; no page past the last wanted item is requested; a
/// -First that fits in one page asks for just that many). <see cref="TotalElements"/> is known after the first page.
/// Once the first page has told how many pages there are, up to <see cref="PagingOptions.Prefetch"/> pages are
/// requested at once (the one being handed out included), so the next pages arrive while the caller consumes the
/// current one; items still come strictly in order, and a page's error surfaces when its turn comes.
/// </summary>
public sealed class Pager<T> : IAsyncEnumerable<T>
{
    private readonly PageFetcher<T> _fetch;
    private readonly PagingOptions _options;

    public Pager(PageFetcher<T> fetch, PagingOptions options)
    {
        _fetch = fetch;
        _options = options;
    }

    /// <summary>The list's total (-IncludeTotalCount), once the first page has arrived.</summary>
    public long? TotalElements { get; private set; }

    private int _pagesFetched;

    /// <summary>Pages requested so far (read-ahead pages included).</summary>
    public int PagesFetched => Volatile.Read(ref _pagesFetched);

    /// <summary>Called after each page's items have been handed out (for Write-Progress).</summary>
    public Action<PagingProgress>? OnPage { get; set; }

    /// <summary>The page size and first page number the options lead to.</summary>
    public (int PageSize, int FirstPage, int OffsetInPage) Plan()
    {
        var size = _options.PageSize;
        var skip = _options.Skip;
        if (_options.First is { } first && skip + first <= size)
            size = (int)Math.Max(1, skip + first);
        return (size, (int)(skip / size), (int)(skip % size));
    }

    private Task<IPage<T>> Fetch(int pageNumber, int pageSize, CancellationToken ct)
    {
        Interlocked.Increment(ref _pagesFetched);
        return _fetch(pageNumber, pageSize, ct);
    }

    /// <summary>The last page worth requesting, given the list's page count: none past the last wanted item.</summary>
    private int LastPage(int pageSize, int totalPages)
    {
        var last = (long)totalPages - 1;
        if (_options.First is > 0 and var first && first <= long.MaxValue - _options.Skip)
            last = Math.Min(last, (_options.Skip + first - 1) / pageSize);
        return (int)Math.Max(-1, last);
    }

    /// <summary>The items one by one (the wanted part of each page, in order).</summary>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken ct = default)
    {
        await foreach (var slice in Slices(ct).ConfigureAwait(false))
        {
            for (var i = 0; i < slice.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                yield return slice[i];
            }
        }
    }

    /// <summary>
    /// The wanted part of each page, page by page: what a consumer that hands items on synchronously (the
    /// PowerShell pipeline) takes, so that it waits once per page instead of stepping an async enumerator per item.
    /// <see cref="OnPage"/> runs when the next page is asked for.
    /// </summary>
    public async IAsyncEnumerable<PageSlice<T>> Slices([EnumeratorCancellation] CancellationToken ct = default)
    {
        var remaining = _options.First ?? long.MaxValue;
        if (remaining == 0 && !_options.IncludeTotalCount) yield break;

        var (size, pageNumber, offset) = Plan();
        long emitted = 0;
        await using var window = new PageWindow<T>(Fetch, size, _options.Prefetch, pageNumber, ct);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = await window.NextAsync().ConfigureAwait(false);
            TotalElements = page.TotalElements;
            // Read ahead while this page is handed out.
            window.ReadAhead(LastPage(size, page.TotalPages));
            var items = page.Items;
            var count = (int)Math.Min(Math.Max(0, items.Count - offset), remaining);
            if (count > 0)
            {
                remaining -= count;
                emitted += count;
                yield return new PageSlice<T>(items, offset, count);
            }
            OnPage?.Invoke(new PagingProgress(pageNumber, emitted, TotalElements));
            offset = 0;
            if (remaining == 0 || items.Count < size || pageNumber + 1 >= page.TotalPages) yield break;
            pageNumber++;
        }
    }
}

/// <summary>The wanted items of one page: <paramref name="count"/> items of <paramref name="items"/> from <paramref name="start"/>.</summary>
public readonly struct PageSlice<T>(IReadOnlyList<T> items, int start, int count)
{
    public int Count => count;

    public T this[int index] => (uint)index < (uint)count ? items[start + index] : throw new ArgumentOutOfRangeException(nameof(index));
}
