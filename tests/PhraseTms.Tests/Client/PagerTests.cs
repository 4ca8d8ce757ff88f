using PhraseTms.Client.Errors;
using PhraseTms.Client.Paging;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>The pager against an in-memory list: which pages it asks for.</summary>
public sealed class PagerTests
{
    private sealed class FakeList(int total)
    {
        public List<(int Page, int Size)> Requests { get; } = [];

        public Task<IPage<int>> Fetch(int page, int size, CancellationToken ct)
        {
            Requests.Add((page, size));
            var items = Enumerable.Range(page * size, Math.Max(0, Math.Min(size, total - page * size))).ToList();
            return Task.FromResult<IPage<int>>(new Page<int>
            {
                Content = items, PageNumber = page, PageSize = size, NumberOfElements = items.Count,
                TotalElements = total, TotalPages = (total + size - 1) / size,
            });
        }
    }

    [Theory]
    [InlineData(0, 100, 0, null, 0, new[] { 0 })]
    [InlineData(250, 100, 0, null, 250, new[] { 0, 1, 2 })]
    [InlineData(300, 100, 0, null, 300, new[] { 0, 1, 2 })]
    [InlineData(300, 100, 150, 100, 100, new[] { 1, 2 })]
    [InlineData(300, 100, 200, null, 100, new[] { 2 })]
    [InlineData(300, 100, 400, null, 0, new[] { 4 })]
    public async Task Skip_and_first_shape_the_pages_requested(int total, int pageSize, long skip, int? first, int expectedCount, int[] expectedPages)
    {
        var list = new FakeList(total);
        var items = await new Pager<int>(list.Fetch, new PagingOptions { PageSize = pageSize, Skip = skip, First = first }).ToListAsync();
        Assert.Equal(expectedCount, items.Count);
        Assert.Equal(Enumerable.Range((int)Math.Min(skip, total), expectedCount), items);
        Assert.Equal(expectedPages, list.Requests.Select(r => r.Page));
    }

    [Theory]
    [InlineData(250, 100, 0, null, new[] { 100, 100, 50 })]
    [InlineData(300, 100, 150, 100, new[] { 50, 50 })]
    [InlineData(300, 100, 120, 5, new[] { 5 })]
    [InlineData(300, 100, 400, null, new int[0])]
    public async Task Slices_hand_out_the_wanted_part_of_each_page_in_order_and_progress_after_each(int total, int pageSize, long skip, int? first, int[] expectedCounts)
    {
        var list = new FakeList(total);
        var pager = new Pager<int>(list.Fetch, new PagingOptions { PageSize = pageSize, Skip = skip, First = first });
        var progress = new List<long>();
        pager.OnPage = p => progress.Add(p.ItemsSoFar);
        var counts = new List<int>();
        var items = new List<int>();
        await foreach (var slice in pager.Slices())
        {
            Assert.Equal(items.Count, progress.LastOrDefault()); // progress of a page comes once it is handed out
            counts.Add(slice.Count);
            for (var i = 0; i < slice.Count; i++) items.Add(slice[i]);
            Assert.Throws<ArgumentOutOfRangeException>(() => slice[slice.Count]);
        }
        Assert.Equal(expectedCounts, counts);
        Assert.Equal(await new Pager<int>(new FakeList(total).Fetch, new PagingOptions { PageSize = pageSize, Skip = skip, First = first }).ToListAsync(), items);
        Assert.Equal(items.Count, progress.LastOrDefault());
    }

    [Fact]
    public async Task A_small_first_after_a_small_skip_asks_for_one_page_of_exactly_skip_plus_first()
    {
        var list = new FakeList(1000);
        var items = await new Pager<int>(list.Fetch, new PagingOptions { PageSize = 100, Skip = 3, First = 4 }).ToListAsync();
        Assert.Equal([3, 4, 5, 6], items);
        Assert.Equal([(0, 7)], list.Requests);
    }

    [Fact]
    public async Task First_zero_asks_nothing_unless_the_total_is_wanted()
    {
        var list = new FakeList(50);
        Assert.Empty(await new Pager<int>(list.Fetch, new PagingOptions { First = 0 }).ToListAsync());
        Assert.Empty(list.Requests);
        var pager = new Pager<int>(list.Fetch, new PagingOptions { First = 0, IncludeTotalCount = true });
        Assert.Empty(await pager.ToListAsync());
        Assert.Equal(50, pager.TotalElements);
        Assert.Equal([(0, 1)], list.Requests);
    }

    [Fact]
    public async Task Stopping_early_fetches_no_further_page()
    {
        var list = new FakeList(10_000);
        var pager = new Pager<int>(list.Fetch, new PagingOptions { PageSize = 100 });
        await foreach (var item in pager)
            if (item == 150) break;
        Assert.Equal([0, 1], list.Requests.Select(r => r.Page));
    }

    [Fact]
    public async Task Progress_is_reported_per_page()
    {
        var list = new FakeList(250);
        var seen = new List<PagingProgress>();
        var pager = new Pager<int>(list.Fetch, new PagingOptions { PageSize = 100 }) { OnPage = seen.Add };
        await pager.ToListAsync();
        Assert.Equal([100L, 200L, 250L], seen.Select(p => p.ItemsSoFar));
        Assert.All(seen, p => Assert.Equal(250, p.TotalElements));
    }

    [Theory]
    [InlineData(0, 0, null, "InvalidPageSize")]
    [InlineData(51, 0, null, "InvalidPageSize")]
    [InlineData(10, -1, null, "InvalidSkip")]
    [InlineData(10, 0, -5L, "InvalidFirst")]
    public void Bad_paging_values_are_refused(int pageSize, long skip, long? first, string errorId)
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() =>
            new PagingOptions { PageSize = pageSize, Skip = skip, First = first }.Validate(maxPageSize: 50));
        Assert.Equal(errorId, ex.ErrorId);
    }
}
