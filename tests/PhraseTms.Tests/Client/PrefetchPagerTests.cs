using System.Runtime.CompilerServices;
using PhraseTms.Client.Paging;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>The pager reading ahead (Prefetch &gt; 1) against lists whose pages the test answers: bound, order, -First, cancellation, errors.</summary>
public sealed class PrefetchPagerTests
{
    /// <summary>How long a consumer may take to end (a pager that does not cancel its read-ahead would hang instead).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static Pager<int> PagerOf(GatedPages list, int pageSize, int prefetch, long skip = 0, long? first = null) =>
        new(list.Fetch, new PagingOptions { PageSize = pageSize, Prefetch = prefetch, Skip = skip, First = first });

    /// <summary>Reads every item, telling the list how many arrived (so it can record what the consumer had when a page was asked).</summary>
    private static async Task<List<int>> ConsumeAsync(Pager<int> pager, GatedPages list, CancellationToken ct = default)
    {
        var items = new List<int>();
        await foreach (var item in pager.WithCancellation(ct))
        {
            items.Add(item);
            Interlocked.Increment(ref list.Consumed);
        }
        return items;
    }

    [Fact]
    public async Task Reads_ahead_while_a_page_is_handed_out_and_never_holds_more_than_prefetch_pages()
    {
        var list = new GatedPages(1000);
        await using var items = PagerOf(list, pageSize: 100, prefetch: 3).GetAsyncEnumerator();

        var firstItem = items.MoveNextAsync();
        await list.WaitForRequestsAsync(1);
        Assert.Equal([0], list.Requested); // nothing is read ahead before the first page tells the page count
        list.Release(0);
        Assert.True(await firstItem);
        Assert.Equal(0, items.Current);

        // While page 0 is handed out, pages 1 and 2 are on their way: three pages in all, not four.
        await list.WaitForRequestsAsync(3);
        for (var i = 1; i < 100; i++) Assert.True(await items.MoveNextAsync());
        await Task.Delay(50);
        Assert.Equal([0, 1, 2], list.Requested.Order());

        // Done with page 0: page 3 is asked for while waiting for page 1.
        var nextItem = items.MoveNextAsync();
        await list.WaitForRequestsAsync(4);
        Assert.False(nextItem.IsCompleted);
        Assert.Equal(3, list.InFlight);
        list.Release(2);
        list.Release(3);
        await Task.Delay(50);
        Assert.False(nextItem.IsCompleted); // page 1 has not answered: pages 2 and 3 wait, in order
        list.Release(1);
        Assert.True(await nextItem);
        Assert.Equal(100, items.Current);
        Assert.Equal(3, list.MaxInFlight);
        Assert.Equal([0, 1, 2, 3], list.Requested.Order());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task Pages_answering_out_of_order_are_handed_out_in_order_with_at_most_prefetch_in_flight(int prefetch)
    {
        // Later pages answer first: page n takes (3 - n % 4) × 15 ms.
        var list = new GatedPages(2550) { AutoRelease = true, Delay = n => TimeSpan.FromMilliseconds(15 * (3 - n % 4)) };
        var progress = new List<PagingProgress>();
        var pager = PagerOf(list, pageSize: 100, prefetch);
        pager.OnPage = progress.Add;

        var items = await ConsumeAsync(pager, list);

        Assert.Equal(Enumerable.Range(0, 2550), items);
        Assert.Equal(Enumerable.Range(0, 26), list.Requested.Order());
        Assert.InRange(list.MaxInFlight, 2, prefetch);
        Assert.Equal(Enumerable.Range(0, 26), progress.Select(p => p.PageNumber));
        Assert.Equal(Enumerable.Range(1, 26).Select(n => Math.Min(2550L, n * 100L)), progress.Select(p => p.ItemsSoFar));
        Assert.All(progress, p => Assert.Equal(2550, p.TotalElements));
        Assert.Equal(2550, pager.TotalElements);
        Assert.Equal(26, pager.PagesFetched);
    }

    [Fact]
    public async Task Prefetch_1_asks_for_each_page_only_once_the_previous_one_was_handed_out()
    {
        var list = new GatedPages(1000) { AutoRelease = true };
        var items = await ConsumeAsync(PagerOf(list, pageSize: 100, prefetch: 1), list);

        Assert.Equal(1000, items.Count);
        Assert.Equal(Enumerable.Range(0, 10), list.Requested);
        Assert.Equal(1, list.MaxInFlight);
        for (var page = 0; page < 10; page++) Assert.Equal(page * 100L, list.ConsumedWhenRequested(page));
    }

    [Theory]
    [InlineData(1000, 100, 0, 200, new[] { 0, 1 })]        // ends on a page boundary: page 2 is not read ahead
    [InlineData(1000, 100, 0, 250, new[] { 0, 1, 2 })]
    [InlineData(1000, 100, 150, 100, new[] { 1, 2 })]
    [InlineData(1000, 100, 950, 500, new[] { 9 })]
    [InlineData(1000, 100, 0, 1, new[] { 0 })]             // one page of exactly First
    [InlineData(350, 100, 0, null, new[] { 0, 1, 2, 3 })]  // no page past the last one
    public async Task Reading_ahead_asks_for_no_page_past_the_last_wanted_item(int total, int pageSize, long skip, int? first, int[] expectedPages)
    {
        var list = new GatedPages(total) { AutoRelease = true };
        var items = await ConsumeAsync(PagerOf(list, pageSize, prefetch: 4, skip, first), list);

        var expectedCount = (int)Math.Min(first ?? long.MaxValue, Math.Max(0, total - skip));
        Assert.Equal(Enumerable.Range((int)skip, expectedCount), items);
        await Task.Delay(20);
        Assert.Equal(expectedPages, list.Requested.Order());
    }

    [Fact]
    public async Task Breaking_out_cancels_the_pages_read_ahead_and_asks_for_no_more()
    {
        var list = new GatedPages(10_000);
        var pager = PagerOf(list, pageSize: 100, prefetch: 4);
        var consumer = Task.Run(async () =>
        {
            await foreach (var item in pager)
                if (item == 10) break;
        });
        await list.WaitForRequestsAsync(1);
        list.Release(0);
        await consumer.WaitAsync(Bound); // returns only once the read-ahead requests have ended

        Assert.Equal([1, 2, 3], list.Cancelled.Order());
        Assert.Equal(0, list.InFlight);
        await Task.Delay(50);
        Assert.Equal([0, 1, 2, 3], list.Requested.Order());
    }

    [Fact]
    public async Task Cancelling_the_token_while_waiting_stops_every_page_in_flight()
    {
        var list = new GatedPages(10_000);
        using var cts = new CancellationTokenSource();
        var consumer = ConsumeAsync(PagerOf(list, pageSize: 100, prefetch: 3), list, cts.Token);
        await list.WaitForRequestsAsync(1);
        list.Release(0);
        await list.WaitForRequestsAsync(4); // page 0 handed out, waiting for page 1 with pages 2 and 3 on their way
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer.WaitAsync(Bound));
        Assert.Equal([1, 2, 3], list.Cancelled.Order());
        Assert.Equal(0, list.InFlight);
        Assert.Equal(100, list.Consumed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_read_ahead_that_fails_surfaces_in_its_turn_after_the_pages_before_it(bool synchronously)
    {
        var list = new GatedPages(1000);
        var failure = new InvalidOperationException("page 2 failed");
        PageFetcher<int> fetch = (page, size, ct) =>
            page == 2 && synchronously ? throw failure : list.Fetch(page, size, ct);
        var items = new List<int>();
        var consumer = Task.Run(async () =>
        {
            await foreach (var item in new Pager<int>(fetch, new PagingOptions { PageSize = 100, Prefetch = 3 })) items.Add(item);
        });
        await list.WaitForRequestsAsync(1);
        list.Release(0);
        await list.WaitForRequestsAsync(synchronously ? 2 : 3);
        if (!synchronously) list.Fail(2, failure); // fails before page 1 has answered
        await Task.Delay(50);
        Assert.False(consumer.IsCompleted);
        list.Release(1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.WaitAsync(Bound));
        Assert.Same(failure, error);
        Assert.Equal(Enumerable.Range(0, 200), items);
    }

    [Fact]
    public async Task Pages_read_ahead_and_abandoned_leave_no_unobserved_task_exception()
    {
        var marker = $"abandoned-{Guid.NewGuid():N}";
        var unobserved = 0;
        EventHandler<UnobservedTaskExceptionEventArgs> handler = (_, e) =>
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x.Message == marker)) Interlocked.Increment(ref unobserved);
        };
        TaskScheduler.UnobservedTaskException += handler;
        try
        {
            var requested = await TakeOneItemWhileLaterPagesFailAsync(marker);
            Assert.Equal([0, 1, 2], requested);
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.Equal(0, unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= handler;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<List<int>> TakeOneItemWhileLaterPagesFailAsync(string marker)
    {
        var requested = new List<int>();
        PageFetcher<int> fetch = async (page, size, ct) =>
        {
            lock (requested) requested.Add(page);
            await Task.Yield();
            if (page > 0) throw new InvalidOperationException(marker);
            return new Page<int> { Content = Enumerable.Range(0, size).ToList(), PageSize = size, TotalElements = 10 * size, TotalPages = 10 };
        };
        await foreach (var _ in new Pager<int>(fetch, new PagingOptions { PageSize = 10, Prefetch = 3 }))
        {
            for (var waited = 0; waited < 2000 && FailedCount(requested) < 3; waited += 5) await Task.Delay(5);
            break;
        }
        lock (requested) return requested.Order().ToList();

        static int FailedCount(List<int> r) { lock (r) return r.Count; }
    }
}
