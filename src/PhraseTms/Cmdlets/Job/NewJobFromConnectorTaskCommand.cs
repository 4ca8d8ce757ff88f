using System.Management.Automation;
using PhraseTms.Client.Jobs;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Job;

/// <summary>
/// Creates jobs from a successful connector download task (POST /api2/v1/projects/{projectUid}/jobs/connectorTask),
/// one POST per input, never re-sent automatically. -Wait waits until the jobs are imported. Nested settings take
/// typed objects or hashtables.
/// </summary>
[Cmdlet(VerbsCommon.New, "JobFromConnectorTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(JobCreateResult))]
public sealed class NewJobFromConnectorTaskCommand : PhraseTmsWaitCmdlet
{
    /// <summary>The project of the download task.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ProjectUid { get; set; } = null!;

    /// <summary>The connector download task (the Id of Get-ConnectorAsyncTask's objects).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string DownloadTaskId { get; set; } = null!;

    /// <summary>Target languages: one job per language.</summary>
    [Parameter(Mandatory = true)]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(LanguageCodeCompleter))]
    public string[] TargetLang { get; set; } = null!;

    /// <summary>Creates continuous jobs.</summary>
    [Parameter]
    public SwitchParameter Continuous { get; set; }

    /// <summary>Due date (projects without workflow; otherwise per workflow step). Sent as UTC.</summary>
    [Parameter]
    public DateTime? Due { get; set; }

    /// <summary>Per workflow step: id, assignments, due date, notification (objects or hashtables).</summary>
    [Parameter]
    [RequestPieceTransformation(typeof(WorkflowStepConfiguration[]), nameof(WorkflowSetting))]
    public WorkflowStepConfiguration[]? WorkflowSetting { get; set; }

    /// <summary>Providers and users per target language (projects without workflow; objects or hashtables).</summary>
    [Parameter]
    [RequestPieceTransformation(typeof(ProvidersPerLanguage[]), nameof(Assignment))]
    public ProvidersPerLanguage[]? Assignment { get; set; }

    /// <summary>The UID of the file import settings to use.</summary>
    [Parameter]
    public string? ImportSettingsUid { get; set; }

    /// <summary>Uses the project's file import settings.</summary>
    [Parameter]
    public SwitchParameter UseProjectFileImportSettings { get; set; }

    /// <summary>Pre-translates the jobs.</summary>
    [Parameter]
    public SwitchParameter PreTranslate { get; set; }

    /// <summary>Uses semantic markup.</summary>
    [Parameter]
    public SwitchParameter SemanticMarkup { get; set; }

    /// <summary>Notifies the providers: email template id and an interval of 0–1440 minutes (object or hashtable).</summary>
    [Parameter]
    [RequestPieceTransformation(typeof(NotifyProvider), nameof(NotifyProvider))]
    public NotifyProvider? NotifyProvider { get; set; }

    /// <summary>URL Phrase TMS calls when the jobs are created.</summary>
    [Parameter]
    public string? CallbackUrl { get; set; }

    /// <summary>Folder of the jobs in the project (at most 255 characters).</summary>
    [Parameter]
    public string? Path { get; set; }

    /// <summary>A remote file: connector token, folder, file name or regular expression, continuous (object or hashtable).</summary>
    [Parameter]
    [RequestPieceTransformation(typeof(JobCreateRemoteFile), nameof(RemoteFile))]
    public JobCreateRemoteFile? RemoteFile { get; set; }

    /// <summary>The UID of a job preview package file.</summary>
    [Parameter]
    public string? JobPreviewPackageFileUid { get; set; }

    /// <summary>The UID of an XML assistant profile.</summary>
    [Parameter]
    public string? XmlAssistantProfileUid { get; set; }

    /// <summary>Waits until the jobs are imported and writes the result with the final state of the import.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void ProcessRecord() => ForInput(DownloadTaskId, () =>
    {
        var request = BuildRequest();
        JobsApi.ValidateConnectorTaskInput(ProjectUid, DownloadTaskId, request);
        if (!ShouldProcess($"download task {DownloadTaskId} of project {ProjectUid}", $"Create jobs in {string.Join(", ", TargetLang)}"))
            return;

        var result = Await(ct => Client.Jobs.CreateFromConnectorTaskAsync(ProjectUid, DownloadTaskId, request, Continuous ? true : null, ct));
        foreach (var line in result.WarningLines()) WriteWarning(line);
        if (!Wait || result.AsyncRequest is not { } import)
        {
            WriteObject(result);
            return;
        }
        // On timeout the created jobs are still written before the terminating error.
        result.AsyncRequest = AwaitWait(DownloadTaskId, (options, progress, ct) => Client.AsyncRequests.Waiter.WaitAsync(import, options, progress, ct),
            lastSeen => { result.AsyncRequest = lastSeen; WriteObject(result); });
        WriteObject(result);
        result.AsyncRequest.EnsureSucceeded();
    });

    private JobCreateRequest BuildRequest() => new()
    {
        TargetLangs = [.. TargetLang ?? []],
        Due = Due is { } due ? new DateTimeOffset(due).ToUniversalTime() : null,
        WorkflowSettings = WorkflowSetting?.ToList(),
        Assignments = Assignment?.ToList(),
        ImportSettings = ImportSettingsUid is null ? null : new UidReference(ImportSettingsUid),
        UseProjectFileImportSettings = Flag(nameof(UseProjectFileImportSettings), UseProjectFileImportSettings),
        PreTranslate = Flag(nameof(PreTranslate), PreTranslate),
        SemanticMarkup = Flag(nameof(SemanticMarkup), SemanticMarkup),
        NotifyProvider = NotifyProvider,
        CallbackUrl = CallbackUrl,
        Path = Path,
        RemoteFile = RemoteFile,
        JobPreviewPackageFileUidRef = JobPreviewPackageFileUid is null ? null : new UidReference(JobPreviewPackageFileUid),
        XmlAssistantProfile = XmlAssistantProfileUid is null ? null : new UidReference(XmlAssistantProfileUid),
    };

    /// <summary>A switch given (true or explicitly false) is sent; one not given is left to the API's default.</summary>
    private bool? Flag(string name, SwitchParameter value) => MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : null;
}
