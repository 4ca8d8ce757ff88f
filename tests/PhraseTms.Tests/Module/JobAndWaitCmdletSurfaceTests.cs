using System.Management.Automation;
using System.Reflection;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.BackgroundTasks;
using PhraseTms.Client.Jobs;
using PhraseTms.Infrastructure;
using PhraseTms.Tests.Support;
using static PhraseTms.Tests.Support.CmdletSurface;
using CmdletInfo = PhraseTms.Tests.Support.CmdletSurface.CmdletInfo;

namespace PhraseTms.Tests.Module;

/// <summary>The surface of New-JobFromConnectorTask, the async request cmdlets and the last-background-task cmdlets.</summary>
public sealed class JobAndWaitCmdletSurfaceTests
{
    private static CustomAttributeData Param(CmdletInfo cmdlet, string name) => ParameterAttributes(cmdlet.Parameter(name)).Single();

    private static bool Flag(CmdletInfo cmdlet, string parameter, string flag) => Named(Param(cmdlet, parameter), flag) is true;

    // -WhatIf, binding ProjectUid / Id from connector tasks, and a task's TargetLang not binding run for real in
    // tests/PhraseTms.PowerShell.Tests (PipelineBindingTests, ShouldProcessTests).
    [Fact]
    public void New_JobFromConnectorTask_confirms_with_medium_impact_and_requires_the_task_and_the_languages()
    {
        var cmdlet = Get("New-JobFromConnectorTask");
        Assert.Equal(ConfirmImpact.Medium, (ConfirmImpact)(int)cmdlet.Named("ConfirmImpact")!);
        Assert.Contains(typeof(JobCreateResult), OutputTypes(cmdlet.Type));
        Assert.True(Flag(cmdlet, "ProjectUid", "Mandatory"));
        Assert.True(Flag(cmdlet, "DownloadTaskId", "Mandatory"));
        Assert.Equal(typeof(string[]), cmdlet.Parameter("TargetLang").PropertyType);
    }

    [Fact]
    public void New_JobFromConnectorTask_exposes_the_whole_job_create_request()
    {
        var cmdlet = Get("New-JobFromConnectorTask");
        foreach (var name in new[] { "Continuous", "UseProjectFileImportSettings", "PreTranslate", "SemanticMarkup", "Wait" })
            Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter(name).PropertyType);
        foreach (var name in new[] { "ImportSettingsUid", "CallbackUrl", "Path", "JobPreviewPackageFileUid", "XmlAssistantProfileUid" })
            Assert.Equal(typeof(string), cmdlet.Parameter(name).PropertyType);
        Assert.Equal(typeof(DateTime?), cmdlet.Parameter("Due").PropertyType);

        var nested = new Dictionary<string, Type>
        {
            ["WorkflowSetting"] = typeof(WorkflowStepConfiguration[]),
            ["Assignment"] = typeof(ProvidersPerLanguage[]),
            ["NotifyProvider"] = typeof(NotifyProvider),
            ["RemoteFile"] = typeof(JobCreateRemoteFile),
        };
        foreach (var (name, type) in nested)
        {
            var property = cmdlet.Parameter(name);
            Assert.Equal(type, property.PropertyType);
            var transformation = Attr(property, typeof(RequestPieceTransformationAttribute));
            Assert.NotNull(transformation);
            Assert.Equal(type, transformation!.ConstructorArguments[0].Value);
            Assert.Equal(name, transformation.ConstructorArguments[1].Value);
        }
        AssertTimeoutSec(cmdlet);
    }

    // Ids by value and by property name (Id, AsyncRequestId of job results and background tasks; Uid and the
    // resource's own uid) run for real in tests/PhraseTms.PowerShell.Tests (PipelineBindingTests).
    [Theory]
    [InlineData("Get-PhraseTmsAsyncRequest")]
    [InlineData("Wait-PhraseTmsAsyncRequest")]
    public void The_async_request_cmdlets_take_id_lists_and_share_one_implementation(string name)
    {
        var cmdlet = Get(name);
        Assert.Contains(typeof(AsyncRequest), OutputTypes(cmdlet.Type));
        Assert.Equal(typeof(string[]), cmdlet.Parameter("Id").PropertyType);
        Assert.True(Flag(cmdlet, "Id", "Mandatory"));
        AssertTimeoutSec(cmdlet);
        Assert.True(typeof(PhraseTms.Cmdlets.AsyncRequest.AsyncRequestCommandBase).IsAssignableFrom(cmdlet.Type), "both share one implementation");
        if (name.StartsWith("Get")) Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter("Wait").PropertyType);
        else Assert.Null(cmdlet.Type.GetProperty("Wait"));
    }

    [Theory]
    [InlineData("Get-TmLastBackgroundTask", "TransMemoryUid", typeof(TransMemoryBackgroundTask))]
    [InlineData("Get-TbLastBackgroundTask", "TermBaseUid", typeof(TermBaseBackgroundTask))]
    public void The_last_background_task_cmdlets_take_uid_lists_and_share_one_implementation(string name, string parameter, Type output)
    {
        var cmdlet = Get(name);
        Assert.Contains(output, OutputTypes(cmdlet.Type));
        Assert.Equal(typeof(string[]), cmdlet.Parameter(parameter).PropertyType);
        Assert.True(Flag(cmdlet, parameter, "Mandatory"));
        Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter("Wait").PropertyType);
        Assert.True(typeof(PhraseTms.Cmdlets.BackgroundTask.LastBackgroundTaskCommandBase).IsAssignableFrom(cmdlet.Type), "both share one implementation");
        AssertTimeoutSec(cmdlet);
    }

    private static void AssertTimeoutSec(CmdletInfo cmdlet)
    {
        var timeout = cmdlet.Parameter("TimeoutSec");
        Assert.Equal(typeof(int?), timeout.PropertyType);
        var range = Attr(timeout, typeof(ValidateRangeAttribute))!;
        Assert.Equal(1, range.ConstructorArguments[0].Value);
        Assert.Equal(int.MaxValue, range.ConstructorArguments[1].Value);
        Assert.True(typeof(PhraseTmsWaitCmdlet).IsAssignableFrom(cmdlet.Type), $"{cmdlet.Name} waits through the shared base");
    }
}
