using System.Collections;
using System.Management.Automation;
using System.Reflection;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.BackgroundTasks;
using PhraseTms.Client.Connectors;
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

    private static IEnumerable<string> Aliases(PropertyInfo p) =>
        Attrs(p, typeof(AliasAttribute)).SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!));

    /// <summary>Parameter → the property of <paramref name="output"/> it binds from by name (its own name or an alias).</summary>
    private static Dictionary<string, string> BindsByPropertyName(Type output, CmdletInfo cmdlet)
    {
        var properties = output.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string>();
        foreach (var p in Parameters(cmdlet.Type).Where(p => ParameterAttributes(p).Any(a => Named(a, "ValueFromPipelineByPropertyName") is true)))
            if (new[] { p.Name }.Concat(Aliases(p)).FirstOrDefault(properties.Contains) is { } source)
                result[p.Name] = source;
        return result;
    }

    [Fact]
    public void The_module_has_the_job_and_wait_cmdlets()
    {
        var names = CmdletSurface.Cmdlets.Select(c => c.Name).ToList();
        Assert.Contains("New-JobFromConnectorTask", names);
        Assert.Contains("Get-PhraseTmsAsyncRequest", names);
        Assert.Contains("Wait-PhraseTmsAsyncRequest", names);
        Assert.Contains("Get-TmLastBackgroundTask", names);
        Assert.Contains("Get-TbLastBackgroundTask", names);
    }

    [Fact]
    public void New_JobFromConnectorTask_supports_ShouldProcess_with_medium_impact_and_binds_connector_tasks_by_name()
    {
        var cmdlet = Get("New-JobFromConnectorTask");
        Assert.Equal(true, cmdlet.Named("SupportsShouldProcess"));
        Assert.Equal(ConfirmImpact.Medium, (ConfirmImpact)(int)cmdlet.Named("ConfirmImpact")!);
        Assert.Contains(typeof(JobCreateResult), OutputTypes(cmdlet.Type));

        Assert.True(Flag(cmdlet, "ProjectUid", "Mandatory"));
        Assert.True(Flag(cmdlet, "DownloadTaskId", "Mandatory"));
        Assert.Contains("Id", Aliases(cmdlet.Parameter("DownloadTaskId")));
        Assert.Equal(new Dictionary<string, string> { ["ProjectUid"] = "ProjectUid", ["DownloadTaskId"] = "Id" },
            BindsByPropertyName(typeof(ConnectorAsyncTask), cmdlet));

        // Target languages come from the command line only (a task's TargetLang must not bind silently).
        Assert.Equal(typeof(string[]), cmdlet.Parameter("TargetLang").PropertyType);
        Assert.True(Flag(cmdlet, "TargetLang", "Mandatory"));
        Assert.False(Flag(cmdlet, "TargetLang", "ValueFromPipelineByPropertyName"));
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

    [Theory]
    [InlineData("Get-PhraseTmsAsyncRequest")]
    [InlineData("Wait-PhraseTmsAsyncRequest")]
    public void The_async_request_cmdlets_take_ids_by_value_and_by_property_name(string name)
    {
        var cmdlet = Get(name);
        Assert.Contains(typeof(AsyncRequest), OutputTypes(cmdlet.Type));
        Assert.Equal(typeof(string[]), cmdlet.Parameter("Id").PropertyType);
        foreach (var flag in new[] { "Mandatory", "ValueFromPipeline", "ValueFromPipelineByPropertyName" })
            Assert.True(Flag(cmdlet, "Id", flag), $"{name} -Id {flag}");
        Assert.Contains("AsyncRequestId", Aliases(cmdlet.Parameter("Id")));

        Assert.Equal("Id", BindsByPropertyName(typeof(AsyncRequest), cmdlet)["Id"]);
        Assert.Equal("AsyncRequestId", BindsByPropertyName(typeof(JobCreateResult), cmdlet)["Id"]);
        Assert.Equal("AsyncRequestId", BindsByPropertyName(typeof(TransMemoryBackgroundTask), cmdlet)["Id"]);

        AssertTimeoutSec(cmdlet);
        Assert.True(typeof(PhraseTms.Cmdlets.AsyncRequest.AsyncRequestCommandBase).IsAssignableFrom(cmdlet.Type), "both share one implementation");
        if (name.StartsWith("Get")) Assert.Equal(typeof(SwitchParameter), cmdlet.Parameter("Wait").PropertyType);
        else Assert.Null(cmdlet.Type.GetProperty("Wait"));
    }

    [Theory]
    [InlineData("Get-TmLastBackgroundTask", "TransMemoryUid", typeof(TransMemoryBackgroundTask))]
    [InlineData("Get-TbLastBackgroundTask", "TermBaseUid", typeof(TermBaseBackgroundTask))]
    public void The_last_background_task_cmdlets_take_uids_by_value_and_by_property_name(string name, string parameter, Type output)
    {
        var cmdlet = Get(name);
        Assert.Contains(output, OutputTypes(cmdlet.Type));
        Assert.Equal(typeof(string[]), cmdlet.Parameter(parameter).PropertyType);
        foreach (var flag in new[] { "Mandatory", "ValueFromPipeline", "ValueFromPipelineByPropertyName" })
            Assert.True(Flag(cmdlet, parameter, flag), $"{name} -{parameter} {flag}");
        Assert.Contains("Uid", Aliases(cmdlet.Parameter(parameter)));
        Assert.Equal(parameter, BindsByPropertyName(output, cmdlet)[parameter]);
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

    [Fact]
    public void The_transformation_maps_hashtables_and_reports_a_bad_key_as_a_binding_error()
    {
        var attribute = new RequestPieceTransformationAttribute(typeof(ProvidersPerLanguage[]), "Assignment");
        var mapped = (ProvidersPerLanguage[])attribute.Transform(null!, new Hashtable { ["TargetLang"] = "de" })!;
        Assert.Equal("de", Assert.Single(mapped).TargetLang);

        // The reference stub drops exception messages; the message itself is checked by DictionaryMapperTests and Pester.
        Assert.Throws<ArgumentTransformationMetadataException>(() => attribute.Transform(null!, new Hashtable { ["Lang"] = "de" }));
    }

}
