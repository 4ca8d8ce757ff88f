using System.Diagnostics;
using System.Management.Automation;
using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>Waiting for asynchronous work: progress while it runs, and Stop() (Ctrl+C) ends a wait at once.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class WaitAndStopTests : ModuleTest
{
    public WaitAndStopTests(EmulatorFixture fixture) : base(fixture) => Connect();

    [Fact]
    public void A_wait_writes_progress_and_verbose_while_the_request_runs_and_the_finished_request_at_the_end()
    {
        var result = PowerShell.Run($"""
            New-JobFromConnectorTask {SeedIds.DemoProject} {SeedIds.DownloadSuccessHtml} -TargetLang de -Confirm:$false |
                Wait-PhraseTmsAsyncRequest -Verbose
            """);
        Assert.Empty(result.Errors);
        var request = Assert.Single(result.Output).OfType("PhraseTms.AsyncRequest");
        Assert.Equal("Succeeded", request.Text("State"));
        Assert.Equal(Emulator.Data.CreatedJobs[^1].AsyncRequestId, request.Text("Id"));
        var name = request.Text("DisplayName");

        var waiting = result.Progress.Where(p => p.Activity == $"Waiting for {name}").ToList();
        Assert.True(waiting.Count >= 2, string.Join("; ", result.Progress));
        Assert.All(waiting.SkipLast(1), p => Assert.Equal(ProgressRecordType.Processing, p.RecordType));
        Assert.StartsWith("Still running after 1 poll(s)", waiting[0].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, waiting[^1].RecordType);
        Assert.Contains(result.Verbose, v => v.StartsWith($"{name} is still running after 1 poll; next poll in "));
        Assert.Contains(result.Verbose, v => v.StartsWith($"{name} finished: Succeeded after 2 polls"));
    }

    [Fact]
    public void TimeoutSec_ends_a_wait_that_never_finishes_with_a_terminating_OperationTimeout_error_for_the_id()
    {
        var result = PowerShell.Run($$"""
            try { Wait-PhraseTmsAsyncRequest -Id {{SeedIds.AsyncNeverFinishes}} -TimeoutSec 1; 'continued' } catch { $_ }
            """);
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("OperationTimeout,PhraseTms.Cmdlets.AsyncRequest.WaitPhraseTmsAsyncRequestCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Equal(SeedIds.AsyncNeverFinishes, error.TargetObject);
        Assert.Contains($"Get-PhraseTmsAsyncRequest -Id {SeedIds.AsyncNeverFinishes}", error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public async Task Stop_ends_a_wait_within_one_second_and_cancels_its_request_in_flight()
    {
        // The poll of a request that never finishes hangs in the emulator: only a cancelled HTTP request lets the
        // pipeline end in time, and the emulator sees the client go away.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Control: a poll answered in full is not reported as aborted.
        var answered = Emulator.Requests.NextAsync("GET", "/async/" + SeedIds.AsyncFinishedOk, timeout.Token);
        PowerShell.Run($"Wait-PhraseTmsAsyncRequest -Id {SeedIds.AsyncFinishedOk}");
        await (await answered).Completion.WaitAsync(timeout.Token);
        Assert.False((await answered).Aborted);

        var path = "/async/" + SeedIds.AsyncNeverFinishes;
        Emulator.Faults.Add("GET", path, new Fault(FaultKind.Latency) { Delay = TimeSpan.FromSeconds(60), Times = int.MaxValue });
        try
        {
            var arrived = Emulator.Requests.NextAsync("GET", path, timeout.Token);
            using var running = PowerShell.Start($"Wait-PhraseTmsAsyncRequest -Id {SeedIds.AsyncNeverFinishes}");
            var poll = await arrived;
            Assert.Equal(PSInvocationState.Running, running.State);
            Assert.False(poll.Completion.IsCompleted);

            var stopwatch = Stopwatch.StartNew();
            running.Stop();
            var result = await running.Completion.WaitAsync(timeout.Token);
            stopwatch.Stop();

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"the pipeline ended {stopwatch.Elapsed.TotalMilliseconds:0} ms after Stop()");
            Assert.Equal(PSInvocationState.Stopped, running.State);
            Assert.IsAssignableFrom<PipelineStoppedException>(result.Terminated);
            Assert.Empty(result.Output);
            await poll.Completion.WaitAsync(timeout.Token);
            Assert.True(poll.Aborted, "the poll was not cancelled: the emulator did not see the client go away");
            Assert.DoesNotContain(Emulator.Requests.All.SkipWhile(r => r != poll).Skip(1), r => r.Path.EndsWith(path));
        }
        finally
        {
            Emulator.Faults.Clear();
        }
    }
}
