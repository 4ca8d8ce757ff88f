using System.Management.Automation;
using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>
/// The file cmdlets' batch behaviour against the emulator: -Wait writes the created jobs after their import, a failed
/// file is an error naming it while the others go on (and is not sent again), Ctrl+C during a download leaves no file.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class FileTransferBatchTests(EmulatorFixture fixture) : ModuleTest(fixture), IDisposable
{
    private const string ProjectUid = "onePage0001";
    private readonly string _root = Directory.CreateTempSubdirectory("phrasetms-batch-").FullName;

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void With_Wait_New_PhraseTmsJob_writes_the_jobs_once_their_import_has_finished()
    {
        var file = WriteFile("wait.txt", "wait for the import");
        Connect();
        var before = Emulator.Requests.Count;
        // Each job, as it is written, records how many polls of the import had been answered by then.
        var result = PowerShell.Run("""
            param($Path, $ProjectUid, $Emulator)
            New-PhraseTmsJob -ProjectUid $ProjectUid -Path $Path -TargetLang de, fr -Wait -Confirm:$false | ForEach-Object {
                [pscustomobject]@{ Job = $_.Uid; Polls = @($Emulator.Requests.All | Where-Object { $_.Path -like '/api2/v1/async/*' }).Count }
            }
            """, new System.Collections.Hashtable { ["Path"] = file, ["ProjectUid"] = ProjectUid, ["Emulator"] = Emulator });

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        var polls = Emulator.Requests.All.Skip(before).Count(r => r.Path.StartsWith("/api2/v1/async/", StringComparison.Ordinal));
        Assert.True(polls >= 2, $"{polls} polls"); // the emulator answers "running" once before "finished"
        var pollsBefore = Emulator.Requests.All.Take(before).Count(r => r.Path.StartsWith("/api2/v1/async/", StringComparison.Ordinal));
        Assert.All(result.Output, o => Assert.Equal(pollsBefore + polls, Convert.ToInt32(o.Get("Polls"))));
        // The file's progress bar says what it waits for, then completes.
        var bar = result.Progress.Where(p => p.Activity == "wait.txt").ToList();
        Assert.Contains(bar, p => p.StatusDescription.StartsWith("Waiting for Async request", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, bar[^1].RecordType);
    }

    [Fact]
    public void A_failed_upload_is_an_error_naming_its_file_is_not_sent_again_and_the_others_go_on()
    {
        var files = new[] { WriteFile("one.txt", "1"), WriteFile("two-é.txt", "2"), WriteFile("three.txt", "3") };
        Connect();
        // The second upload reaches the server, which fails after reading it: it may have acted, so no retry.
        Emulator.Faults.Add("POST", $"/projects/{ProjectUid}/jobs", new Fault(FaultKind.ServerErrorAfterBody) { SkipFirst = 1, StatusCode = 503 });
        try
        {
            var requests = RequestsDuring(() =>
            {
                var result = PowerShell.Run("""
                    param($Files, $ProjectUid)
                    $Files | Get-Item | New-PhraseTmsJob -ProjectUid $ProjectUid -TargetLang de -ThrottleLimit 1 -Confirm:$false
                    """, new System.Collections.Hashtable { ["Files"] = files, ["ProjectUid"] = ProjectUid });
                var error = Assert.Single(result.Errors);
                Assert.Contains("two-é.txt", error.ErrorDetails?.Message ?? error.Exception.Message);
                Assert.Equal(files[1], error.TargetObject);
                Assert.Equal(new[] { "one.txt", "three.txt" }, result.Output.Select(j => j.Text("Filename")));
            });
            Assert.Equal(3, requests.Count(r => r.Method == "POST"));
        }
        finally
        {
            Emulator.Faults.Clear();
        }
    }

    [Fact]
    public async Task Ctrl_C_during_a_download_stops_it_at_once_and_leaves_no_file()
    {
        const string jobUid = "stopJob000000000001";
        Emulator.Data.Transfers.AddFile(jobUid, 4 * 1024 * 1024, "slow.bin", seed: 9);
        Connect();
        Emulator.Faults.Add("GET", $"/jobs/{jobUid}/original", new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromSeconds(3) });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var outFile = Path.Combine(_root, "slow.bin");
        try
        {
            var arrived = Emulator.Requests.NextAsync("GET", $"/jobs/{jobUid}/original", timeout.Token);
            using var running = PowerShell.Start("param($OutFile, $JobUid) Save-PhraseTmsJobOriginalFile -ProjectUid onePage0001 -JobUid $JobUid -OutFile $OutFile",
                new System.Collections.Hashtable { ["OutFile"] = outFile, ["JobUid"] = jobUid });
            await arrived;
            // Wait until the temporary file exists (the first chunk arrived), then stop.
            while (Directory.GetFiles(_root, "*.partial").Length == 0 && !timeout.IsCancellationRequested) await Task.Delay(20, timeout.Token);
            running.Stop();
            var result = await running.Completion.WaitAsync(timeout.Token);

            Assert.Equal(PSInvocationState.Stopped, running.State);
            Assert.IsAssignableFrom<PipelineStoppedException>(result.Terminated);
            Assert.False(File.Exists(outFile));
            Assert.Empty(Directory.GetFiles(_root, "*.partial", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(_root, ".*", SearchOption.AllDirectories));
        }
        finally
        {
            Emulator.Faults.Clear();
        }
    }

    public new void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
