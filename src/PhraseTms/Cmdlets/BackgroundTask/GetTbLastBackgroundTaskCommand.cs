using System.Management.Automation;
using PhraseTms.Client.BackgroundTasks;

namespace PhraseTms.Cmdlets.BackgroundTask;

/// <summary>The last background task (import, export …) of term bases (GET /api2/v1/termBases/{uid}/lastBackgroundTask).</summary>
[Cmdlet(VerbsCommon.Get, "TbLastBackgroundTask")]
[OutputType(typeof(TermBaseBackgroundTask))]
public sealed class GetTbLastBackgroundTaskCommand : LastBackgroundTaskCommandBase
{
    /// <summary>Term base UIDs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Uid")]
    [ValidateNotNullOrEmpty]
    public string[] TermBaseUid { get; set; } = null!;

    protected override void ProcessRecord() => WriteLastTasks(BackgroundTaskKind.TermBase, TermBaseUid);
}
