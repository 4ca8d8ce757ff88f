using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Transfers;
using PhraseTms.Emulator;
using PhraseTms.Tests.Transfers;
using static PhraseTms.Tests.Flows.FlowClient;

namespace PhraseTms.Tests.Resilience;

/// <summary>
/// Transfer faults in the admin's flows, on jobs created from uploads: a broken download of the original is retried
/// and complete; a broken one-shot target file starts again from the target-file request; an upload answered 5xx after
/// it was received is not re-sent (a re-send would have duplicated the jobs it created); Ctrl+C during a target file
/// download leaves no file and no request follows it.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class FlowTransferFaultTests(ReliabilityLedger ledger)
{
    [Fact]
    public async Task A_job_s_original_reset_mid_download_is_retried_and_the_file_is_complete_with_no_partial_left()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var source = Text("Original", 300_000);
        var (projectUid, answer) = await LaunchAsync(client, "original.txt", source, ["de"]);
        var jobUid = (string)answer["jobs"]![0]!["uid"]!;
        lab.Fault("GET", "/original", new Fault(FaultKind.ResetMidBody));
        var outFile = Path.Combine(files.Folder, "original.txt");

        var result = await client.Transfers.DownloadToFileAsync(
            new ApiCall(HttpMethod.Get, $"api2/v1/projects/{projectUid}/jobs/{jobUid}/original"), outFile, null, default);

        Assert.Equal(2, result.Attempts);
        Assert.Equal([0, 200], lab.Emulator.Requests.Matching("GET", "/original").Select(r => r.StatusCode));
        Assert.Equal(source, File.ReadAllBytes(outFile));
        Assert.Equal(["original.txt"], files.Entries());
        ledger.Scenario("flow: job original reset mid-download, retried");
    }

    [Fact]
    public async Task A_target_file_reset_mid_download_is_requested_again_and_downloaded_complete()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var source = Text("Target", 500_000);
        var (projectUid, answer) = await LaunchAsync(client, "brochure.txt", source, ["fr"]);
        var jobUid = (string)answer["jobs"]![0]!["uid"]!;
        await SetStatusAsync(client, projectUid, jobUid, "COMPLETED");
        lab.Fault("GET", "/downloadTargetFile/", new Fault(FaultKind.ResetMidBody));

        var result = await client.Transfers.DownloadTargetFileAsync(projectUid, jobUid, files.Folder, FastTargetFile, default);

        Assert.Equal(2, result.Requests);
        Assert.Equal(2, lab.Emulator.Requests.Matching("PUT", "/targetFile").Count);
        var downloads = lab.Emulator.Requests.Matching("GET", "/downloadTargetFile/");
        Assert.Equal([0, 200], downloads.Select(r => r.StatusCode));
        Assert.NotEqual(downloads[0].Path, downloads[1].Path); // the second used the new async request, never the cut one again
        Assert.Equal(JobFiles.Target(source, "fr"), File.ReadAllBytes(Path.Combine(files.Folder, "brochure.txt")));
        Assert.Equal(["brochure.txt"], files.Entries());
        Assert.Contains(lab.Log.Lines, l => l.Contains("requesting the target file again"));
        ledger.Scenario("flow: one-shot target file reset mid-download, requested again");
    }

    [Fact]
    public async Task A_target_file_broken_every_time_gives_up_after_the_allowed_requests_and_leaves_no_file()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var (projectUid, answer) = await LaunchAsync(client, "b.txt", Text("B", 200_000), ["de"]);
        var jobUid = (string)answer["jobs"]![0]!["uid"]!;
        lab.Fault("GET", "/downloadTargetFile/", new Fault(FaultKind.ResetMidBody) { Times = int.MaxValue });

        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() =>
            client.Transfers.DownloadTargetFileAsync(projectUid, jobUid, files.Folder, FastTargetFile with { MaxRequests = 2 }, default));

        Assert.Equal(2, lab.Emulator.Requests.Matching("PUT", "/targetFile").Count);
        Assert.Equal(2, lab.Emulator.Requests.Matching("GET", "/downloadTargetFile/").Count);
        Assert.Contains("request the download again", ex.Message);
        Assert.Empty(files.Entries());
        ledger.Scenario("flow: target file reset every time, gave up");
    }

    [Fact]
    public async Task An_upload_answered_503_after_it_was_received_is_not_re_sent_though_its_jobs_exist_and_the_error_names_the_file()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var project = (string)(await CreateFromTemplateAsync(client, SeedIds.TemplateWebsite, "Faulty upload"))["uid"]!;
        lab.Fault("POST", $"/projects/{project}/jobs", new Fault(FaultKind.ServerErrorAfterBody) { StatusCode = 503 });

        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() =>
            UploadJobAsync(client, project, "Preisliste 2026.xlsx", Text("Prices", 100_000), ["de", "fr"]));

        Assert.Single(lab.Emulator.Requests.Matching("POST", $"/projects/{project}/jobs"));
        Assert.Equal(503, ex.StatusCode);
        Assert.True(ex.MayHaveReachedServer);
        Assert.Contains("was NOT re-sent", ex.Message);
        Assert.Contains("'Preisliste 2026.xlsx'", ex.Message);
        // The server acted: a re-send would have created these two jobs a second time.
        Assert.Equal(["de", "fr"], lab.Emulator.Data.Organization.Projects.Find(project)!.Jobs.Select(j => j.TargetLang));
        ledger.Scenario("flow: upload answered 503 after it created its jobs, not re-sent");
        ledger.PostsCounted(1);
    }

    [Fact]
    public async Task Cancelling_a_target_file_download_stops_it_leaves_no_file_and_sends_nothing_after()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var (projectUid, answer) = await LaunchAsync(client, "slow.txt", Text("Slow", 400_000), ["de"]);
        var jobUid = (string)answer["jobs"]![0]!["uid"]!;
        lab.Fault("GET", "/downloadTargetFile/", new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromMilliseconds(500) });
        using var cts = new CancellationTokenSource();
        var options = FastTargetFile with { Transfer = new TransferOptions { Progress = p => { if (p.Bytes > 0) cts.Cancel(); } } };
        var arrived = lab.Emulator.Requests.NextAsync("GET", "/downloadTargetFile/");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.Transfers.DownloadTargetFileAsync(projectUid, jobUid, files.Folder, options, cts.Token));
        var download = await arrived;
        await download.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(download.Aborted);
        Assert.Empty(files.Entries());
        Assert.Same(download, lab.Emulator.Requests.All[^1]); // nothing after the cancelled download: no retry, no new request
        Assert.Single(lab.Emulator.Requests.Matching("PUT", "/targetFile"));
        ledger.Scenario("flow: target file download cancelled (Ctrl+C)");
    }

    [Fact]
    public async Task A_bad_job_uid_or_request_limit_is_refused_before_any_request()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();

        var badUid = await Assert.ThrowsAsync<PhraseTmsValidationException>(() =>
            client.Transfers.DownloadTargetFileAsync(SeedIds.BigProject, "../jobs", files.Folder, FastTargetFile, default));
        var noRequests = await Assert.ThrowsAsync<PhraseTmsValidationException>(() =>
            client.Transfers.DownloadTargetFileAsync(SeedIds.BigProject, "job1", files.Folder, FastTargetFile with { MaxRequests = 0 }, default));

        Assert.Equal("InvalidIdentifier", badUid.ErrorId);
        Assert.Equal("../jobs", badUid.Value);
        Assert.Equal("JobUid", badUid.ParameterName);
        Assert.Equal("InvalidMaxRequests", noRequests.ErrorId);
        Assert.Equal(0, lab.Emulator.Requests.Count);
        ledger.BadInput("target file of a job uid with '/'");
        ledger.BadInput("target file with MaxRequests 0");
    }
}
