using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>Output objects carry the module's stable type name first in PSTypeNames (the views and scripts key on it).</summary>
[Collection(PowerShellCollection.Name)]
public sealed class OutputTypeNameTests : ModuleTest
{
    public OutputTypeNameTests(EmulatorFixture fixture) : base(fixture) => Connect();

    [Theory]
    [InlineData($"Get-ConnectorAsyncTask -ProjectUid {SeedIds.OnePageProject} -First 2",
        "PhraseTms.ConnectorAsyncTask", "PhraseTms.Client.Connectors.ConnectorAsyncTask")]
    [InlineData($"New-JobFromConnectorTask {SeedIds.DemoProject} {SeedIds.DownloadSuccessHtml} -TargetLang de -Confirm:$false",
        "PhraseTms.JobCreateResult", "PhraseTms.Client.Jobs.JobCreateResult")]
    [InlineData($"Get-PhraseTmsAsyncRequest {SeedIds.AsyncFinishedOk}, {SeedIds.AsyncUnknownAction}",
        "PhraseTms.AsyncRequest", "PhraseTms.Client.AsyncRequests.AsyncRequest")]
    [InlineData($"Get-TmLastBackgroundTask {SeedIds.TmOk}, {SeedIds.TmNever}",
        "PhraseTms.TransMemoryBackgroundTask", "PhraseTms.Client.BackgroundTasks.TransMemoryBackgroundTask")]
    [InlineData($"Get-TbLastBackgroundTask {SeedIds.TbOk}",
        "PhraseTms.TermBaseBackgroundTask", "PhraseTms.Client.BackgroundTasks.TermBaseBackgroundTask")]
    [InlineData("Get-PhraseTmsSession", "PhraseTms.Session", "PhraseTms.Client.Connection.PhraseTmsSession")]
    [InlineData("param($BaseUri, $Token) Connect-PhraseTms -Token $Token -BaseUri $BaseUri -PassThru",
        "PhraseTms.Session", "PhraseTms.Client.Connection.PhraseTmsSession")]
    public void Every_object_has_the_stable_type_name_first_and_keeps_its_dotnet_names(string script, string typeName, string dotnetName)
    {
        var result = PowerShell.Run(script, script.StartsWith("param") ? Parameters() : null);
        Assert.Empty(result.Errors);
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, o =>
        {
            Assert.Equal(typeName, o.TypeNames[0]);
            Assert.Equal(dotnetName, o.TypeNames[1]);
            Assert.Single(o.TypeNames, typeName);
        });
    }

    [Fact]
    public void A_script_parameter_typed_with_PSTypeName_accepts_the_objects_and_refuses_others()
    {
        var result = PowerShell.Invoke($$"""
            function Get-TaskId { param([Parameter(ValueFromPipeline)][PSTypeName('PhraseTms.ConnectorAsyncTask')] $Task) process { $Task.Id } }
            Get-ConnectorAsyncTask -ProjectUid {{SeedIds.DemoProject}} -First 1 | Get-TaskId
            [pscustomobject]@{ Id = 'x' } | Get-TaskId
            """);
        Assert.Matches("^[0-9]+$", Assert.Single(result.Output).ToString());
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("InputObjectNotBound,Get-TaskId"));
    }
}
