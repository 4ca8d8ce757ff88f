using PhraseTms.Client;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>
/// Get-ConnectorAsyncTask's pager reading ahead over real HTTP: every item once and in order, nothing past -First,
/// nothing after a stop, and a page that fails on its way in retried without losing or doubling an item.
/// Each test starts its own emulator (faults, latency).
/// </summary>
public sealed class PrefetchHttpTests
{
    private const string Project = SeedIds.BenchProject;

    private static Task<PhraseTmsEmulator> StartAsync(int items, TimeSpan? pageLatency = null) =>
        PhraseTmsEmulator.StartAsync(new EmulatorOptions { BenchItems = items, PageLatency = pageLatency ?? TimeSpan.Zero });

    private static PhraseTmsClient Client(PhraseTmsEmulator emulator) =>
        Clients.WithToken(emulator, configure: o => new PhraseTmsClientOptions
        {
            BaseUri = o.BaseUri, Log = o.Log, PrefetchPages = 4, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

    private static Pager<ConnectorAsyncTask> List(PhraseTmsClient client, int pageSize, long? first = null) =>
        client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = Project },
            new PagingOptions { PageSize = pageSize, First = first, Prefetch = client.Options.PrefetchPages });

    private static IReadOnlyList<RecordedRequest> PageRequests(PhraseTmsEmulator emulator) =>
        emulator.Requests.Matching("GET", "/connectorAsyncTasks");

    private static int PageOf(RecordedRequest request) => int.Parse(request.QueryParameters["pageNumber"].Single());

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 5000 && !condition(); waited += 10) await Task.Delay(10);
    }

    [Fact]
    public async Task Every_item_arrives_once_and_in_order_with_each_page_asked_once()
    {
        await using var emulator = await StartAsync(2500);
        using var client = Client(emulator);

        var items = await List(client, pageSize: 100).ToListAsync();

        Assert.Equal(emulator.Data.ConnectorTasks[Project].Select(t => t.Id), items.Select(t => t.Id));
        Assert.Equal(Enumerable.Range(0, 25), PageRequests(emulator).Select(PageOf).Order());
        Assert.All(items, t => Assert.Equal(Project, t.ProjectUid));
    }

    [Fact]
    public async Task No_page_past_first_is_requested()
    {
        await using var emulator = await StartAsync(2500);
        using var client = Client(emulator);

        var items = await List(client, pageSize: 100, first: 1050).ToListAsync();

        Assert.Equal(emulator.Data.ConnectorTasks[Project].Take(1050).Select(t => t.Id), items.Select(t => t.Id));
        await Task.Delay(100);
        Assert.Equal(Enumerable.Range(0, 11), PageRequests(emulator).Select(PageOf).Order());
    }

    [Fact]
    public async Task Stopping_cancels_the_pages_in_flight_and_no_request_reaches_the_emulator_afterwards()
    {
        await using var emulator = await StartAsync(2500, pageLatency: TimeSpan.FromMilliseconds(300));
        using var client = Client(emulator);

        await foreach (var _ in List(client, pageSize: 100))
        {
            // Stop once the pages read ahead have reached the emulator (it holds them for 300 ms).
            await WaitForAsync(() => PageRequests(emulator).Count == 4);
            break;
        }

        Assert.Equal([0, 1, 2, 3], PageRequests(emulator).Select(PageOf).Order());
        // They were cut while the emulator still waited to answer them (journaled as status 0).
        await WaitForAsync(() => PageRequests(emulator).Count(r => r.StatusCode == 0) == 3);
        Assert.Equal([0, 0, 0], PageRequests(emulator).Where(r => PageOf(r) > 0).Select(r => r.StatusCode));
        await Task.Delay(700);
        Assert.Equal(4, PageRequests(emulator).Count);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_read_ahead()
    {
        await using var emulator = await StartAsync(2500, pageLatency: TimeSpan.FromMilliseconds(300));
        using var client = Client(emulator);
        using var cts = new CancellationTokenSource();

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in List(client, pageSize: 100).WithCancellation(cts.Token))
                if (++received == 150) cts.Cancel();
        });

        Assert.Equal(150, received);
        var count = PageRequests(emulator).Count;
        Assert.InRange(count, 2, 5);
        await Task.Delay(700);
        Assert.Equal(count, PageRequests(emulator).Count);
    }

    [Theory]
    [InlineData(FaultKind.ServerError, 503)]
    [InlineData(FaultKind.ResetMidBody, 0)]
    public async Task A_page_read_ahead_that_fails_once_is_retried_and_no_item_is_lost_or_doubled(FaultKind kind, int statusCode)
    {
        await using var emulator = await StartAsync(1000);
        // The third page request to arrive (a page read ahead) fails once.
        emulator.Faults.Add("GET", "/connectorAsyncTasks", new Fault(kind) { SkipFirst = 2, StatusCode = statusCode });
        using var client = Client(emulator);

        var items = await List(client, pageSize: 100).ToListAsync();

        Assert.Equal(emulator.Data.ConnectorTasks[Project].Select(t => t.Id), items.Select(t => t.Id));
        var requests = PageRequests(emulator);
        var faulted = Assert.Single(requests, r => r.Fault is not null);
        Assert.NotEqual(0, PageOf(faulted));
        Assert.Equal(Enumerable.Range(0, 10).Append(PageOf(faulted)).Order(), requests.Select(PageOf).Order());
    }
}
