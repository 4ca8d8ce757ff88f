using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>-WhatIf on the cmdlets that write: nothing is sent.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ShouldProcessTests : ModuleTest
{
    public ShouldProcessTests(EmulatorFixture fixture) : base(fixture) => Connect();

    private const string CreateJobs =
        $"New-JobFromConnectorTask -ProjectUid {SeedIds.DemoProject} -DownloadTaskId {SeedIds.DownloadSuccessHtml} -TargetLang de, fr";

    [Fact]
    public void WhatIf_on_New_JobFromConnectorTask_sends_no_POST_while_the_same_command_without_it_posts_once()
    {
        var dryRun = RequestsDuring(() => Assert.Empty(PowerShell.Run(CreateJobs + " -WhatIf").Output));
        Assert.DoesNotContain(dryRun, r => r.Method == "POST");
        Assert.Contains(PowerShell.Host.Lines, l => l.StartsWith("What if: Performing the operation \"Create jobs in de, fr\""));

        var real = RequestsDuring(() => Assert.Single(PowerShell.Run(CreateJobs + " -Confirm:$false").Output).OfType("PhraseTms.JobCreateResult"));
        Assert.Single(real, r => r.Method == "POST" && r.Path == $"/api2/v1/projects/{SeedIds.DemoProject}/jobs/connectorTask");
    }

    [Fact]
    public void WhatIf_on_Invoke_PhraseTmsRequest_sends_nothing_for_a_POST_but_a_GET_still_runs()
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run($$"""
                Invoke-PhraseTmsRequest POST /api2/v1/projects/{{SeedIds.DemoProject}}/jobs/connectorTask -Query @{ downloadTaskId = '{{SeedIds.DownloadSuccessHtml}}' } -Body @{ targetLangs = @('de') } -WhatIf
                Invoke-PhraseTmsRequest GET /api2/v1/async/{{SeedIds.AsyncFinishedOk}} -WhatIf
                """);
            Assert.Empty(result.Errors);
            Assert.Equal(SeedIds.AsyncFinishedOk, Assert.Single(result.Output).Properties["id"].Value?.ToString());
        });
        Assert.Equal(["GET /api2/v1/async/" + SeedIds.AsyncFinishedOk], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Contains(PowerShell.Host.Lines, l => l.StartsWith("What if: Performing the operation \"POST\" on target \"/api2/v1/projects/"));
    }
}
