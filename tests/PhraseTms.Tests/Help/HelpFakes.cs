using System.Management.Automation;
using PhraseTms.Client.Connectors;

namespace PhraseTms.Tests.Help;

/// <summary>A cmdlet with two parameter sets, pipeline input, an enum, a default, aliases, paging and ShouldProcess.</summary>
[Cmdlet(VerbsCommon.Get, "HelpFake", DefaultParameterSetName = "ById", SupportsShouldProcess = true, SupportsPaging = true)]
[OutputType(typeof(ConnectorAsyncTask))]
public sealed class GetHelpFakeCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByName", ValueFromPipeline = true)]
    [Alias("N", "FakeName")]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = "ById", ValueFromPipelineByPropertyName = true)]
    public long Id { get; set; }

    [Parameter]
    public ConnectorTaskType[]? Kind { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public int Count { get; set; } = 7;
}

/// <summary>A cmdlet without parameters.</summary>
[Cmdlet(VerbsCommon.Clear, "HelpFake")]
[OutputType(typeof(void))]
public sealed class ClearHelpFakeCommand : PSCmdlet;
