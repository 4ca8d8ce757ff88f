using System.Diagnostics;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Jobs;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>GET /async/{id} and the one waiter, over real HTTP (intervals in milliseconds).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class AsyncRequestTests(EmulatorFixture fixture)
{
    internal static readonly WaitOptions Fast = new() { InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(40) };

    private PhraseTmsEmulator Emulator => fixture.Emulator;

    private IReadOnlyList<RecordedRequest> PollsOf(string id, int since) =>
        Emulator.Requests.All.Skip(since).Where(r => r.Path == $"/api2/v1/async/{id}").ToList();

    private static Task<JobCreateResult> CreateJobAsync(PhraseTms.Client.PhraseTmsClient client, params string[] langs) =>
        client.Jobs.CreateFromConnectorTaskAsync(SeedIds.DemoProject, SeedIds.DownloadSuccessHtml, new JobCreateRequest { TargetLangs = [.. langs] }, null, default);

    [Fact]
    public async Task A_finished_request_reads_as_typed_objects()
    {
        using var client = Clients.WithToken(Emulator);
        var request = await client.AsyncRequests.GetAsync(SeedIds.AsyncFinishedOk, default);
        Assert.Equal(SeedIds.AsyncFinishedOk, request.Id);
        Assert.Equal(AsyncAction.IMPORT_JOB, request.Action);
        Assert.Equal(AsyncRequestState.Succeeded, request.State);
        Assert.True(request.IsFinished);
        Assert.Equal("demo", request.CreatedBy!.UserName);
        Assert.Equal(SeedIds.DemoProject, request.Project!.Uid);
        Assert.True(request.AsyncResponse!.DateCreated > request.DateCreated);
        Assert.Same(request, request.EnsureSucceeded());
    }

    [Fact]
    public async Task An_undocumented_action_is_kept_as_text()
    {
        using var client = Clients.WithToken(Emulator);
        var request = await client.AsyncRequests.GetAsync(SeedIds.AsyncUnknownAction, default);
        Assert.Null(request.Action);
        Assert.Equal("FILE_FLOW_FUTURE_ACTION", request.ActionText);
        Assert.Equal(AsyncRequestState.Succeeded, request.State);
    }

    [Fact]
    public async Task A_failed_request_becomes_an_operation_failed_error_carrying_code_description_and_details()
    {
        using var client = Clients.WithToken(Emulator);
        var request = await client.AsyncRequests.GetAsync(SeedIds.AsyncFinishedError, default);
        Assert.Equal(AsyncRequestState.Failed, request.State);

        var ex = Assert.Throws<PhraseTmsAsyncOperationException>(() => request.EnsureSucceeded());
        Assert.Equal(PhraseErrorKind.OperationFailed, ex.Kind);
        Assert.Equal("ImportFailed", ex.ErrorId);
        Assert.Equal("Import of file website/en/about.html failed", ex.Message);
        var detail = Assert.Single(ex.ErrorDetails);
        Assert.Equal("IMPORT_FAILED", detail.Code);
        Assert.Equal("website/en/about.html", detail.Args["fileName"]);
        Assert.Same(request, ex.AsyncRequest);
        Assert.Contains("IMPORT_FAILED (fileName=website/en/about.html)", ex.RecommendedAction);
    }

    [Fact]
    public async Task An_unknown_request_is_not_found_and_a_bad_id_is_refused_before_any_request()
    {
        using var client = Clients.WithToken(Emulator);
        var missing = await Assert.ThrowsAsync<PhraseTmsApiException>(() => client.AsyncRequests.GetAsync("9999999", default));
        Assert.Equal(PhraseErrorKind.NotFound, missing.Kind);
        Assert.Equal("ResourceNotFound", missing.ErrorId);

        var before = Emulator.Requests.Count;
        foreach (var bad in new[] { "../auth/whoAmI", "12a", "", " " })
        {
            var ex = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.AsyncRequests.GetAsync(bad, default));
            Assert.Equal("Id", ex.ParameterName);
            await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.AsyncRequests.Waiter.WaitAsync(bad, Fast, null, default));
        }
        Assert.Equal(before, Emulator.Requests.Count);
    }

    [Fact]
    public async Task Waiting_for_a_new_request_pauses_first_then_polls_with_a_growing_interval_until_it_finishes()
    {
        using var client = Clients.WithToken(Emulator);
        var created = await CreateJobAsync(client, "de");
        var since = Emulator.Requests.Count;
        var progress = new List<AsyncWaitProgress>();

        var finished = await client.AsyncRequests.Waiter.WaitAsync(created.AsyncRequest!, Fast, progress.Add, default);

        Assert.Equal(AsyncRequestState.Succeeded, finished.State);
        Assert.Equal(AsyncAction.IMPORT_JOB, finished.Action);
        // The emulator answers "running" AsyncPollsToFinish (2) times, then finished.
        Assert.Equal(Emulator.Options.AsyncPollsToFinish + 1, PollsOf(created.AsyncRequest!.Id!, since).Count);
        Assert.Equal([0, 1, 2], progress.Select(p => p.Polls));
        Assert.Equal([10.0, 15.0, 22.5], progress.Select(p => p.NextPollIn.TotalMilliseconds));
        Assert.All(progress, p => Assert.Equal(created.AsyncRequest.Id, p.Request.Id));
    }

    [Fact]
    public async Task Waiting_by_id_polls_at_once_and_a_finished_request_needs_one_poll()
    {
        using var client = Clients.WithToken(Emulator);
        var since = Emulator.Requests.Count;
        var progress = new List<AsyncWaitProgress>();
        var finished = await client.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncFinishedOk, Fast, progress.Add, default);
        Assert.True(finished.IsFinished);
        Assert.Single(PollsOf(SeedIds.AsyncFinishedOk, since));
        Assert.Empty(progress);

        var known = await client.AsyncRequests.GetAsync(SeedIds.AsyncFinishedOk, default);
        since = Emulator.Requests.Count;
        Assert.Same(known, await client.AsyncRequests.Waiter.WaitAsync(known, Fast, null, default));
        Assert.Equal(since, Emulator.Requests.Count);
    }

    [Fact]
    public async Task Waiting_by_id_for_a_running_request_starts_the_schedule_at_its_first_interval()
    {
        using var client = Clients.WithToken(Emulator);
        var created = await CreateJobAsync(client, "de");
        var since = Emulator.Requests.Count;
        var progress = new List<AsyncWaitProgress>();
        var finished = await client.AsyncRequests.Waiter.WaitAsync(created.AsyncRequest!.Id!, Fast, progress.Add, default);
        Assert.Equal(AsyncRequestState.Succeeded, finished.State);
        Assert.Equal(3, PollsOf(created.AsyncRequest.Id!, since).Count);
        Assert.Equal([1, 2], progress.Select(p => p.Polls));
        Assert.Equal([10.0, 15.0], progress.Select(p => p.NextPollIn.TotalMilliseconds));
    }

    [Fact]
    public async Task Warnings_of_a_finished_request_go_to_the_log()
    {
        var log = new RecordingLog();
        using var client = Clients.WithToken(Emulator, log);
        var finished = await client.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncFinishedWithWarnings, Fast, null, default);
        Assert.Equal(AsyncRequestState.Succeeded, finished.State);
        var warnings = log.Lines.Where(l => l.StartsWith("WARNING: ")).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("Async request 9000003 (PRE_TRANSLATE): MT_UNAVAILABLE (targetLang=ja): Machine translation"));
        Assert.Contains(warnings, w => w.Contains("TM_MATCH_LOW"));
    }

    [Fact]
    public async Task A_failed_job_import_is_returned_finished_and_fails_on_EnsureSucceeded()
    {
        var log = new RecordingLog();
        using var client = Clients.WithToken(Emulator, log);
        var created = await CreateJobAsync(client, "de", "fail");
        var finished = await client.AsyncRequests.Waiter.WaitAsync(created.AsyncRequest!, Fast, null, default);
        Assert.Equal(AsyncRequestState.Failed, finished.State);
        var ex = Assert.Throws<PhraseTmsAsyncOperationException>(() => finished.EnsureSucceeded());
        Assert.Equal("JobImportFailed", ex.ErrorId);
        Assert.Equal(finished.AsyncResponse!.ErrorDesc, ex.Message);
        Assert.Equal("IMPORT_FAILED", Assert.Single(ex.ErrorDetails).Code);
        Assert.Contains(log.Lines, l => l.StartsWith("WARNING: ") && l.Contains("PARTIAL_IMPORT"));
    }

    [Fact]
    public async Task A_request_that_never_finishes_times_out_with_OperationTimeout_naming_it()
    {
        using var client = Clients.WithToken(Emulator);
        var timeout = TimeSpan.FromMilliseconds(400);
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<PhraseTmsAsyncOperationException>(() =>
            client.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncNeverFinishes, Fast with { Timeout = timeout }, null, default));
        watch.Stop();

        Assert.Equal(PhraseErrorKind.Timeout, ex.Kind);
        Assert.Equal("OperationTimeout", ex.ErrorId);
        Assert.Contains("Async request 9000004 (IMPORT_JOB)", ex.Message);
        Assert.Contains("0.4 s", ex.Message);
        Assert.Equal(SeedIds.AsyncNeverFinishes, ex.AsyncRequest.Id);
        Assert.False(ex.AsyncRequest.IsFinished);
        Assert.InRange(watch.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelling_stops_a_long_pause_at_once()
    {
        using var client = Clients.WithToken(Emulator);
        using var cts = new CancellationTokenSource();
        var slow = new WaitOptions { InitialInterval = TimeSpan.FromMinutes(5), MaxInterval = TimeSpan.FromMinutes(5) };
        var waiting = client.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncNeverFinishes, slow, _ => cts.Cancel(), cts.Token);
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public async Task A_timeout_that_is_not_positive_is_refused_before_any_request(double seconds)
    {
        using var client = Clients.WithToken(Emulator);
        var before = Emulator.Requests.Count;
        var ex = await Assert.ThrowsAsync<PhraseTmsValidationException>(() =>
            client.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncFinishedOk, Fast with { Timeout = TimeSpan.FromSeconds(seconds) }, null, default));
        Assert.Equal("InvalidTimeout", ex.ErrorId);
        Assert.Equal("TimeoutSec", ex.ParameterName);
        Assert.Equal(before, Emulator.Requests.Count);
    }

    [Fact]
    public void The_default_schedule_grows_from_one_second_to_ten()
    {
        var intervals = Enumerable.Range(0, 8).Select(i => WaitOptions.Default.IntervalAfter(i).TotalSeconds).ToList();
        Assert.Equal([1, 1.5, 2.25, 3.375, 5.0625, 7.59375, 10, 10], intervals);
        Assert.Null(WaitOptions.Default.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(600), WaitOptions.WithTimeoutSeconds(600).Timeout);
    }
}
