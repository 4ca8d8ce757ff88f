using System.Diagnostics;
using PhraseTms.Emulator;

namespace PhraseTms.Tests.Resilience;

/// <summary>Ctrl+C (a cancelled token) stops at once: in flight, while backing off, and while paging.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CancellationTests(ReliabilityLedger ledger)
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1.5);

    private static async Task<TimeSpan> CancelledAfterAsync(Func<CancellationToken, Task> action)
    {
        using var cts = new CancellationTokenSource(CancelAfter);
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => action(cts.Token));
        return watch.Elapsed;
    }

    [Fact]
    public async Task Cancelling_while_waiting_out_a_long_retry_after_stops_at_once()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.TooManyRequests) { StatusCode = 429, RetryAfter = "8" });
        using var client = lab.TokenClient();
        var elapsed = await CancelledAfterAsync(ct => FaultLab.ListIdsAsync(client, SeedIds.PartialProject, 500, ct));
        Assert.True(elapsed < Promptly, $"took {elapsed}");
        Assert.Single(lab.Pages(SeedIds.PartialProject));
        ledger.Scenario("cancel during a Retry-After wait");
    }

    [Fact]
    public async Task Cancelling_a_request_in_flight_stops_at_once_and_is_not_reported_as_a_timeout()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.Latency) { Delay = TimeSpan.FromSeconds(20) });
        using var client = lab.TokenClient(o => new() { BaseUri = o.BaseUri, Log = o.Log, RequestTimeout = TimeSpan.FromSeconds(30) });
        var elapsed = await CancelledAfterAsync(ct => FaultLab.ListIdsAsync(client, SeedIds.PartialProject, 500, ct));
        Assert.True(elapsed < Promptly, $"took {elapsed}");
        Assert.DoesNotContain(lab.Log.Lines, l => l.Contains("timed out") || l.Contains("retry"));
        ledger.Scenario("cancel a request in flight");
    }

    [Fact]
    public async Task Cancelling_while_paging_requests_no_further_page()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.Latency) { Delay = TimeSpan.FromSeconds(20), SkipFirst = 1 });
        using var client = lab.TokenClient(o => new() { BaseUri = o.BaseUri, Log = o.Log, RequestTimeout = TimeSpan.FromSeconds(30) });
        var elapsed = await CancelledAfterAsync(ct => FaultLab.ListIdsAsync(client, SeedIds.PartialProject, 500, ct));
        Assert.True(elapsed < Promptly, $"took {elapsed}");
        var requested = lab.Pages(SeedIds.PartialProject).Count;
        await Task.Delay(500);
        Assert.Equal(requested, lab.Pages(SeedIds.PartialProject).Count);   // nothing more after the cancellation
        ledger.Scenario("cancel while paging");
    }
}
