using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>What binds from the pipeline, as PowerShell's own parameter binder does it.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class PipelineBindingTests : ModuleTest
{
    public PipelineBindingTests(EmulatorFixture fixture) : base(fixture) => Connect();

    [Fact]
    public void An_object_with_a_ProjectUid_property_lists_the_tasks_of_that_project_one_project_per_input()
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run("""
                [pscustomobject]@{ ProjectUid = 'onePage0001' }, [pscustomobject]@{ ProjectUid = 'partial0001'; Other = 1 } |
                    Get-ConnectorAsyncTask
                """);
            Assert.Empty(result.Errors);
            var counts = result.Output.Select(o => o.OfType("PhraseTms.ConnectorAsyncTask")).GroupBy(t => t.Text("ProjectUid")).ToDictionary(g => g.Key!, g => g.Count());
            Assert.Equal(new Dictionary<string, int> { [SeedIds.OnePageProject] = 1000, [SeedIds.PartialProject] = 2345 }, counts);
        });
        Assert.Equal([SeedIds.OnePageProject, SeedIds.PartialProject],
            requests.Select(r => r.QueryParameters["projectUid"].Single()).Distinct());
    }

    [Fact]
    public void New_JobFromConnectorTask_takes_ProjectUid_and_DownloadTaskId_from_Get_ConnectorAsyncTask_output()
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run($"""
                Get-ConnectorAsyncTask -ProjectUid {SeedIds.DemoProject} -TaskType DOWNLOAD |
                    Where-Object Id -eq '{SeedIds.DownloadSuccessHtml}' |
                    New-JobFromConnectorTask -TargetLang de -WhatIf
                """);
            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
        });
        // The -WhatIf message names both bound values.
        Assert.Contains($"What if: Performing the operation \"Create jobs in de\" on target \"download task {SeedIds.DownloadSuccessHtml} of project {SeedIds.DemoProject}\".",
            PowerShell.Host.Lines);
        Assert.DoesNotContain(requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_TargetLang_property_on_the_input_does_not_bind_to_New_JobFromConnectorTask()
    {
        // Every ConnectorAsyncTask has a TargetLang: it must not silently decide the languages of the jobs.
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Invoke($$"""
                [pscustomobject]@{ ProjectUid = '{{SeedIds.DemoProject}}'; Id = '{{SeedIds.DownloadSuccessHtml}}'; TargetLang = 'de' } |
                    New-JobFromConnectorTask -Confirm:$false
                """);
            Assert.Empty(result.Output);
            Assert.NotEmpty(result.Errors);
            // PowerShell asks for the one mandatory parameter the input did not supply (the test host refuses).
            Assert.Equal(["TargetLang"], PowerShell.Host.Prompts.Select(p => p.Split('[')[0]).Distinct());
        });
        Assert.DoesNotContain(requests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData("Get-PhraseTmsAsyncRequest")]
    [InlineData("Wait-PhraseTmsAsyncRequest")]
    public void The_async_request_cmdlets_take_ids_by_value_and_from_Id_or_AsyncRequestId_properties(string cmdlet)
    {
        var result = PowerShell.Run($$"""
            '{{SeedIds.AsyncFinishedOk}}' | {{cmdlet}}
            [pscustomobject]@{ Id = '{{SeedIds.AsyncFinishedWithWarnings}}' } | {{cmdlet}}
            Get-TmLastBackgroundTask -TransMemoryUid {{SeedIds.TmOk}} | {{cmdlet}}
            New-JobFromConnectorTask -ProjectUid {{SeedIds.DemoProject}} -DownloadTaskId {{SeedIds.DownloadSuccessHtml}} -TargetLang de -Confirm:$false |
                {{cmdlet}}
            """);
        Assert.Empty(result.Errors);
        var ids = result.Output.Select(o => o.OfType("PhraseTms.AsyncRequest").Text("Id")).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(SeedIds.AsyncFinishedOk, ids[0]);
        Assert.Equal(SeedIds.AsyncFinishedWithWarnings, ids[1]);
        // The last two came from the AsyncRequestId of a background task and of a job creation result.
        Assert.Equal(Emulator.Data.FindTransMemory(SeedIds.TmOk)!.LastAsyncRequestId, ids[2]);
        Assert.Equal(Emulator.Data.CreatedJobs[^1].AsyncRequestId, ids[3]);
    }

    [Theory]
    [InlineData("Get-TmLastBackgroundTask", "TransMemoryUid", SeedIds.TmOk, "/transMemories/")]
    [InlineData("Get-TbLastBackgroundTask", "TermBaseUid", SeedIds.TbOk, "/termBases/")]
    public void The_last_background_task_cmdlets_take_uids_by_value_by_Uid_and_from_their_own_output(string cmdlet, string parameter, string uid, string path)
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run($$"""
                '{{uid}}' | {{cmdlet}}
                [pscustomobject]@{ Uid = '{{uid}}' } | {{cmdlet}}
                {{cmdlet}} '{{uid}}' | {{cmdlet}}
                """);
            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count(t => t.Text("ResourceUid") == uid));
            // Its output carries the uid as -{parameter} (what the last line bound).
            Assert.Equal(uid, result.Output[0].Properties[parameter].Value);
        });
        Assert.Equal(4, requests.Count(r => r.Path.Contains(path + uid + "/lastBackgroundTask")));
    }
}
