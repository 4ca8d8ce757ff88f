using System.Collections;
using PhraseTms.ContractStub;
using PhraseTms.PowerShell.Tests.Support;
using Xunit.Abstractions;

namespace PhraseTms.PowerShell.Tests;

/// <summary>
/// The module's requests held against the project's description of the API (api/phrase-tms.api.json) by the contract
/// stub: every cmdlet of today is run once against it, as a user would, and no request may break the description. The
/// generated cmdlets join this suite as they come.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class ConformanceTests(EmulatorFixture fixture, ITestOutputHelper output) : ModuleTest(fixture), IAsyncLifetime
{
    private ContractStub.ContractStub _stub = null!;

    public async Task InitializeAsync() =>
        _stub = await ContractStub.ContractStub.StartAsync(Path.Combine(Repo.Root, "api", "phrase-tms.api.json"));

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private Hashtable StubParameters() => new()
    {
        ["BaseUri"] = _stub.BaseUri.ToString().TrimEnd('/'),
        ["Token"] = Secure("contract-stub-token-0123456789"),
        ["Credential"] = new System.Management.Automation.PSCredential("stub.user", Secure("stub-password")),
    };

    [Fact]
    public void Every_request_of_the_hand_written_cmdlets_conforms_to_the_description_and_their_answers_come_back_typed()
    {
        var result = PowerShell.Run("""
            param($BaseUri, $Token, $Credential)
            Connect-PhraseTms -Credential $Credential -BaseUri $BaseUri
            Connect-PhraseTms -Credential $Credential -OrganizationUid 'aBcDeFgHiJkLmNoPqRsT' -BaseUri $BaseUri
            Connect-PhraseTms -Token $Token -BaseUri $BaseUri
            $tasks = @(Get-ConnectorAsyncTask -ProjectUid 'projUid0001' -TaskType DOWNLOAD, UPLOAD -TaskProcessingType API `
                -DateCreatedFrom (Get-Date).AddDays(-2) -DateCreatedTo (Get-Date) -DateProcessedFrom (Get-Date).AddDays(-2) -PageSize 2)
            $created = New-JobFromConnectorTask -ProjectUid 'projUid0001' -DownloadTaskId 123456 -TargetLang de, fr `
                -Due (Get-Date).AddDays(3) -PreTranslate -Path 'docs/en' -Continuous -Confirm:$false -Wait
            $async = Get-PhraseTmsAsyncRequest -Id 9100001
            $waited = Wait-PhraseTmsAsyncRequest -Id 9100002
            $tm = Get-TmLastBackgroundTask -TransMemoryUid 'tmUid000001'
            $tb = Get-TbLastBackgroundTask -TermBaseUid 'tbUid000001'
            $raw = @(Invoke-PhraseTmsRequest GET /api2/v1/projects -Query @{ name = 'x' } -All -PageSize 2)
            $out = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "phrasetms-conformance-$PID-$(Get-Random)")).FullName
            $saved = Save-PhraseTmsJobTargetFile -ProjectUid 'projUid0001' -JobUid 'jobUid00001' -Format ORIGINAL -OutFile (Join-Path $out 'a.txt') -PassThru -Confirm:$false
            $prepared = Save-PhraseTmsJobTargetFile -ProjectUid 'projUid0001' -JobUid 'jobUid00001' -AsyncRequestId 9100003 -OutFile (Join-Path $out 'b.txt') -PassThru
            Remove-Item -LiteralPath $out -Recurse
            [pscustomobject]@{
                Saved = @($saved, $prepared | Where-Object { $_ -is [IO.FileInfo] }).Count
                Tasks = $tasks.Count; TaskId = $tasks[0].Id; TaskDate = $tasks[0].DateCreated
                Jobs = @($created.Jobs).Count; Waited = $waited.State; AsyncId = $async.Id
                TmStatus = $tm.StatusText; TbStatus = $tb.StatusText; Raw = $raw.Count
            }
            """, StubParameters());

        foreach (var entry in _stub.Requests) output.WriteLine($"{entry.Method} {entry.RawTarget} -> {entry.Operation} ({entry.Status})");
        Assert.Empty(result.Errors);
        Assert.Empty(_stub.Violations.Select(v => v.ToString()));
        Assert.DoesNotContain(_stub.Requests, r => r.Operation == "unmatched");
        var expected = new[]
        {
            "POST /api2/v1/auth/login", "POST /api2/v3/auth/login", "GET /api2/v1/auth/whoAmI", "GET /api2/v1/connectorAsyncTasks",
            "POST /api2/v1/projects/{projectUid}/jobs/connectorTask", "GET /api2/v1/async/{asyncRequestId}",
            "GET /api2/v1/transMemories/{transMemoryUid}/lastBackgroundTask", "GET /api2/v1/termBases/{termBaseUid}/lastBackgroundTask",
            "GET /api2/v1/projects", "PUT /api2/v2/projects/{projectUid}/jobs/{jobUid}/targetFile",
            "GET /api2/v2/projects/{projectUid}/jobs/{jobUid}/downloadTargetFile/{asyncRequestId}",
        };
        Assert.Empty(expected.Except(_stub.OperationsCalled));

        // The schema-shaped answers come back as the typed models, their properties filled.
        var summary = Assert.Single(result.Output);
        Assert.True((int)summary.Get("Tasks")! >= 2);
        Assert.False(string.IsNullOrEmpty(summary.Text("TaskId")));
        Assert.IsType<DateTimeOffset>(summary.Get("TaskDate"));
        Assert.True((int)summary.Get("Jobs")! >= 1);
        Assert.Equal("Succeeded", summary.Text("Waited"));
        Assert.False(string.IsNullOrEmpty(summary.Text("AsyncId")));
        Assert.False(string.IsNullOrEmpty(summary.Text("TmStatus")));
        Assert.False(string.IsNullOrEmpty(summary.Text("TbStatus")));
        Assert.True((int)summary.Get("Raw")! >= 2);
        Assert.Equal(2, (int)summary.Get("Saved")!); // both target files saved (-PassThru: their FileInfo)
        output.WriteLine(_stub.Summary(expected).Line(11));
    }
}
