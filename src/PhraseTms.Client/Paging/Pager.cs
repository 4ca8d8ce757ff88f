using System.Runtime.CompilerServices;

namespace PhraseTms.Client.Paging;

/// <summary>
/// The one pager: streams the items of a list endpoint lazily, page by page. -Skip and -First shape the requests
/// (the first page asked for is the one holding item Skip; no page past the last wanted item is requested; a
/// -First that fits in one page asks for just that many). <see cref="TotalElements"/> is known after the first page.
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

    /// <summary>Pages requested so far.</summary>
    public int PagesFetched { get; private set; }

    /// <summary>Called after each page arrives (for Write-Progress).</summary>
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

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken ct = default)
    {
        var remaining = _options.First ?? long.MaxValue;
        if (remaining == 0 && !_options.IncludeTotalCount) yield break;

        var (size, pageNumber, offset) = Plan();
        long emitted = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = await _fetch(pageNumber, size, ct).ConfigureAwait(false);
            PagesFetched++;
            TotalElements = page.TotalElements;
            var items = page.Items;
            for (var i = offset; i < items.Count && remaining > 0; i++)
            {
                remaining--;
                emitted++;
                yield return items[i];
            }
            OnPage?.Invoke(new PagingProgress(pageNumber, emitted, TotalElements));
            offset = 0;
            if (remaining == 0 || items.Count < size || pageNumber + 1 >= page.TotalPages) yield break;
            pageNumber++;
        }
    }
}
