using System.Management.Automation;
using PhraseTms.Client.BackgroundTasks;

namespace PhraseTms.Cmdlets.BackgroundTask;

/// <summary>The last background task (import, export …) of translation memories (GET /api2/v1/transMemories/{uid}/lastBackgroundTask).</summary>
[Cmdlet(VerbsCommon.Get, "TmLastBackgroundTask")]
[OutputType(typeof(TransMemoryBackgroundTask))]
public sealed class GetTmLastBackgroundTaskCommand : LastBackgroundTaskCommandBase
{
    /// <summary>Translation memory UIDs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Uid")]
    [ValidateNotNullOrEmpty]
    public string[] TransMemoryUid { get; set; } = null!;

    protected override void ProcessRecord() => WriteLastTasks(BackgroundTaskKind.TranslationMemory, TransMemoryUid);
}
