using PhraseTms.Client.Errors;
using PhraseTms.Emulator;

namespace PhraseTms.Tests.Resilience;

/// <summary>Faults while paging a GET list: ridden out where retrying is safe, nothing lost or doubled.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PagingFaultTests(ReliabilityLedger ledger)
{
    private const string Project = SeedIds.PartialProject;   // 2,345 tasks: 5 pages of 500
    private const string TasksPath = "/connectorAsyncTasks";

    /// <summary>Lists the project with one fault injected on the third page; returns the lab for further checks.</summary>
    private async Task<FaultLab> ListWithFaultAsync(string scenario, Fault fault, bool retried = true)
    {
        var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, fault with { SkipFirst = 2 });
        using var client = lab.TokenClient();
        var ids = await FaultLab.ListIdsAsync(client, Project, 500);
        var served = lab.Served(Project);
        Assert.Equal(served, ids);                      // same items, same order: nothing lost, nothing doubled
        Assert.Equal(2345, ids.Distinct().Count());
        Assert.Equal(1, lab.Emulator.Faults.Triggered);
        var pages = lab.Pages(Project).Select(r => r.QueryParameters["pageNumber"].Single()).ToList();
        // The faulted page, and only it, was asked again.
        Assert.Equal(retried ? ["0", "1", "2", "2", "3", "4"] : ["0", "1", "2", "3", "4"], pages);
        ledger.Scenario(scenario);
        ledger.ItemsCompared(ids.Count);
        return lab;
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_server_error_on_a_page_is_retried_and_resumes_at_that_page(int status)
    {
        await using var lab = await ListWithFaultAsync($"GET page answered {status}", new Fault(FaultKind.ServerError) { StatusCode = status });
        Assert.Contains(lab.Log.Lines, l => l.Contains($"server error ({status})") && l.Contains("retry 1 of 3"));
    }

    [Fact]
    public async Task A_connection_reset_before_the_headers_is_retried() =>
        await (await ListWithFaultAsync("GET connection reset before headers", new Fault(FaultKind.ResetBeforeHeaders))).DisposeAsync();

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_the_body_is_retried() =>
        await (await ListWithFaultAsync("GET connection reset mid-body", new Fault(FaultKind.ResetMidBody))).DisposeAsync();

    [Fact]
    public async Task An_html_502_from_a_proxy_is_retried() =>
        await (await ListWithFaultAsync("GET HTML error page with 502", new Fault(FaultKind.HtmlPage) { StatusCode = 502 })).DisposeAsync();

    [Fact]
    public async Task A_body_slower_than_the_request_timeout_is_a_timeout_and_is_retried()
    {
        await using var lab = await ListWithFaultAsync("GET slow body past the timeout",
            new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromMilliseconds(400) });
        Assert.Contains(lab.Log.Lines, l => l.Contains("timed out"));
    }

    [Fact]
    public async Task Latency_under_the_timeout_just_waits() =>
        await (await ListWithFaultAsync("GET added latency", new Fault(FaultKind.Latency) { Delay = TimeSpan.FromMilliseconds(300) }, retried: false)).DisposeAsync();

    [Fact]
    public async Task Throttling_with_retry_after_in_seconds_waits_that_long()
    {
        var (lab, elapsed) = await FaultLab.TimeAsync(() =>
            ListWithFaultAsync("429 with Retry-After seconds", new Fault(FaultKind.TooManyRequests) { StatusCode = 429, RetryAfter = "1" }));
        await using (lab)
        {
            Assert.True(elapsed >= TimeSpan.FromSeconds(0.95), $"waited {elapsed}");
            Assert.Contains(lab.Log.Lines, l => l.Contains("Retry-After 1 s"));
        }
    }

    [Fact]
    public async Task Throttling_with_retry_after_as_an_http_date_waits_until_then()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(3).ToString("r");
        var (lab, elapsed) = await FaultLab.TimeAsync(() =>
            ListWithFaultAsync("429 with Retry-After HTTP date", new Fault(FaultKind.TooManyRequests) { StatusCode = 429, RetryAfter = until }));
        await using (lab)
        {
            Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"waited {elapsed}");
            Assert.Contains(lab.Log.Lines, l => l.Contains("throttled (429), Retry-After"));
        }
    }

    [Fact]
    public async Task Throttling_without_hints_backs_off_exponentially()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(FaultKind.TooManyRequests) { StatusCode = 429, Times = 3, SkipFirst = 1 });
        using var client = lab.TokenClient();
        var ids = await FaultLab.ListIdsAsync(client, Project, 500);
        Assert.Equal(lab.Served(Project), ids);
        var waits = lab.Log.Lines.Where(l => l.Contains("throttled (429);")).ToList();
        Assert.Equal(3, waits.Count);
        Assert.Contains("retry 3 of 3", waits[2]);
        ledger.Scenario("429 without hints (exponential backoff)");
        ledger.ItemsCompared(ids.Count);
    }

    [Fact]
    public async Task Throttling_at_the_concurrency_cap_backs_off_longer_than_the_budget_allows_and_says_so()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(FaultKind.TooManyRequests) { StatusCode = 429, RateLimitHeaders = true });
        using var client = lab.TokenClient(o => new()
        {
            BaseUri = o.BaseUri, Log = o.Log, MaxRetries = 3, RetryBaseDelay = o.RetryBaseDelay,
            MaxRetryWait = TimeSpan.FromSeconds(5), ConcurrencyCapDelay = TimeSpan.FromSeconds(60),
        });
        var (ex, elapsed) = await FaultLab.FailsAsync<PhraseTmsApiException>(() => FaultLab.ListIdsAsync(client, Project, 500));
        Assert.Equal(PhraseErrorKind.LimitsExceeded, ex.Kind);
        Assert.Equal(429, ex.StatusCode);
        Assert.Contains("concurrency cap", ex.Message);
        Assert.Contains("-MaxRetryWaitSec", ex.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}: it should give up at once, not wait the minute");
        Assert.Single(lab.Pages(Project));
        ledger.Scenario("429 with RateLimit headers (concurrency cap)");
    }

    [Fact]
    public async Task A_429_storm_ends_after_max_retries_with_a_limits_exceeded_error()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(FaultKind.TooManyRequests) { StatusCode = 429, Times = int.MaxValue });
        using var client = lab.TokenClient();
        var (ex, elapsed) = await FaultLab.FailsAsync<PhraseTmsApiException>(() => FaultLab.ListIdsAsync(client, Project, 500));
        Assert.Equal(PhraseErrorKind.LimitsExceeded, ex.Kind);
        Assert.Equal("TooManyRequests", ex.ErrorId);
        Assert.Contains("gave up after 3 retries", ex.Message);
        Assert.Equal(1 + FaultLab.MaxRetries, lab.Pages(Project).Count);
        // 20 + 40 + 80 ms of backoff (±25 %) plus four round trips: well under the configured 10 s budget.
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        ledger.Scenario("429 storm (attempts exhausted)");
    }

    [Fact]
    public async Task A_server_error_that_persists_gives_up_with_its_status_and_error_code()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(FaultKind.ServerError) { StatusCode = 503, Times = int.MaxValue });
        using var client = lab.TokenClient();
        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() => FaultLab.ListIdsAsync(client, Project, 500));
        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Equal(503, ex.StatusCode);
        Assert.Contains("GET /api2/v1/connectorAsyncTasks?projectUid=partial0001", ex.Message);
        Assert.Equal(1 + FaultLab.MaxRetries, lab.Pages(Project).Count);
        ledger.Scenario("503 storm (attempts exhausted)");
    }

    [Fact]
    public async Task A_body_that_never_arrives_in_time_is_reported_as_a_timeout_not_a_cancellation()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(FaultKind.Latency) { Delay = TimeSpan.FromSeconds(30), Times = int.MaxValue });
        using var client = lab.TokenClient(o => new()
        {
            BaseUri = o.BaseUri, Log = o.Log, MaxRetries = 1, RetryBaseDelay = o.RetryBaseDelay, RequestTimeout = TimeSpan.FromSeconds(1),
        });
        var (ex, elapsed) = await FaultLab.FailsAsync<PhraseTmsApiException>(() => FaultLab.ListIdsAsync(client, Project, 500));
        Assert.Equal(PhraseErrorKind.Timeout, ex.Kind);
        Assert.Equal("RequestTimeout", ex.ErrorId);
        Assert.Contains("timed out", ex.Message);
        Assert.Equal(2, lab.Pages(Project).Count);
        // Two attempts of 1 s each plus one short backoff.
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(6));
        ledger.Scenario("request timeout (latency past the timeout)");
    }

    [Theory]
    [InlineData(FaultKind.TruncatedJson, "InvalidJson")]
    [InlineData(FaultKind.HtmlPage, "UnexpectedContentType")]
    [InlineData(FaultKind.EmptyBody, "EmptyResponse")]
    [InlineData(FaultKind.WrongContentType, "UnexpectedContentType")]
    public async Task An_answer_that_is_not_what_it_claims_is_an_invalid_result_naming_the_request(FaultKind kind, string errorId)
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(kind) { StatusCode = 200, SkipFirst = 1 });
        using var client = lab.TokenClient();
        var emitted = new List<string>();
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(async () =>
        {
            await foreach (var task in client.Connectors.GetConnectorAsyncTasks(
                new() { ProjectUid = Project }, new() { PageSize = 500 }))
                emitted.Add(task.Id!);
        });
        Assert.Equal(PhraseErrorKind.InvalidResult, ex.Kind);
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Contains("GET /api2/v1/connectorAsyncTasks?projectUid=partial0001", ex.Message);
        Assert.Contains("pageNumber=1", ex.Message);
        Assert.Equal(lab.Served(Project).Take(500), emitted);   // the good first page, and no half of the bad one
        ledger.Scenario($"200 with {kind}");
        ledger.ItemsCompared(emitted.Count);
    }

    [Fact]
    public async Task An_expired_login_token_in_the_middle_of_paging_logs_in_again_and_continues_at_the_same_page()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("GET", TasksPath, new Fault(FaultKind.ExpireToken) { SkipFirst = 2 });
        using var client = lab.LoginClient();
        var ids = await FaultLab.ListIdsAsync(client, Project, 500);
        Assert.Equal(lab.Served(Project), ids);
        Assert.Equal(2, lab.Emulator.Requests.Matching("POST", "/auth/login").Count);
        Assert.Equal(["0", "1", "2", "2", "3", "4"], lab.Pages(Project).Select(r => r.QueryParameters["pageNumber"].Single()));
        Assert.Equal([200, 200, 401, 200, 200, 200], lab.Pages(Project).Select(r => r.StatusCode));
        ledger.Scenario("token expiry mid-paging");
        ledger.ItemsCompared(ids.Count);
    }

    [Fact]
    public async Task A_server_that_refuses_connections_is_a_connection_error_after_the_retries()
    {
        int port;
        await using (var lab = await FaultLab.StartAsync()) port = lab.Emulator.BaseUri.Port;   // now closed
        var log = new Support.RecordingLog();
        using var client = new PhraseTms.Client.PhraseTmsClient(new()
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/web"), Log = log, MaxRetries = 2, RetryBaseDelay = FaultLab.RetryBaseDelay,
        }, new PhraseTms.Client.Auth.TokenAuthenticator(Support.Clients.Secure("t"), PhraseTms.Client.Auth.TokenType.ApiToken));
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => FaultLab.ListIdsAsync(client, Project, 500));
        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Equal("ConnectionFailed", ex.ErrorId);
        Assert.Contains("could not connect", ex.Message);
        Assert.False(ex.MayHaveReachedServer);
        Assert.Equal(2, log.Lines.Count(l => l.Contains("the connection failed; retry")));
        ledger.Scenario("connection refused");
    }
}
