using System.Management.Automation;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Http;
using PhraseTms.Client.Transfers;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Job;

/// <summary>
/// Saves a job's target file to -OutFile. Given a job (ByJob), it asks Phrase TMS to prepare the file
/// (PUT …/jobs/{jobUid}/targetFile), waits for that asynchronous request through the one waiter and downloads the
/// result once (GET …/downloadTargetFile/{asyncRequestId}); when that one-shot download breaks, it starts again from the
/// request (TargetFileDownload). Given -AsyncRequestId (ByAsyncRequest), it downloads a file prepared already, once.
/// Hand-written (api/naming-overrides.json): a generated cmdlet has one operation per parameter set.
/// </summary>
// No default set: a job object piped in must not bind to ByJob when it carries an AsyncRequestId (CmdletPlanner.SwallowsPipeline).
[Cmdlet(VerbsData.Save, "PhraseTmsJobTargetFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SavePhraseTmsJobTargetFileCommand : PhraseTmsWaitCmdlet
{
    private const string ByJob = "ByJob";
    private const string ByAsyncRequest = "ByAsyncRequest";

    /// <summary>The job's project.</summary>
    [Parameter(ParameterSetName = ByJob, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByAsyncRequest, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ProjectUid { get; set; } = null!;

    /// <summary>The job (Get-PhraseTmsJob's objects bind by property name).</summary>
    [Parameter(ParameterSetName = ByJob, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByAsyncRequest, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string JobUid { get; set; } = null!;

    /// <summary>The asynchronous request that prepared the file already (Request-PhraseTmsJobTargetFile); downloaded once.</summary>
    [Parameter(ParameterSetName = ByAsyncRequest, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string AsyncRequestId { get; set; } = null!;

    /// <summary>ORIGINAL (the default) or PDF.</summary>
    [Parameter]
    [ValidateSet("ORIGINAL", "PDF")]
    public string? Format { get; set; }

    /// <summary>Where to save the file: a file, or an existing folder (the server's file name inside it). Relative to the current location; binds by property name (a plan of jobs and their files).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string OutFile { get; set; } = null!;

    /// <summary>Overwrites an existing file (without it, an existing -OutFile is an error before any request).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the saved file (a FileInfo).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many times the target file may be requested when its one-shot download breaks (ByJob; default 3).</summary>
    [Parameter(ParameterSetName = ByJob)]
    [ValidateRange(1, 10)]
    public int MaxRequests { get; set; } = 3;

    /// <summary>How many jobs' target files are prepared and downloaded at once (ByJob; default 4); results come in input order.</summary>
    [Parameter(ParameterSetName = ByJob)]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void ProcessRecord() => ForInput(JobUid, () =>
    {
        var outFile = OutFileTarget.To(OutFile, Force.IsPresent, PassThru.IsPresent);
        if (ParameterSetName == ByAsyncRequest)
        {
            var call = new ApiCall(HttpMethod.Get,
                $"api2/v2/projects/{Uid(nameof(ProjectUid), ProjectUid)}/jobs/{Uid(nameof(JobUid), JobUid)}/downloadTargetFile/{PathSegment.Escape(PathSegment.NumericId(nameof(AsyncRequestId), AsyncRequestId))}")
            {
                OneShot = true,
            };
            if (Format is not null) call.Query("format", Format);
            var force = Force.IsPresent;
            SaveTo(outFile, () => true, (path, options, _, ct) => Client.Transfers.DownloadToFileAsync(call, path, force, options, ct));
            return;
        }
        Uid(nameof(ProjectUid), ProjectUid);
        Uid(nameof(JobUid), JobUid);
        // The download runs after the next input has been bound: it takes this input's values, never the properties.
        var (project, job) = (ProjectUid, JobUid);
        var target = new TargetFileOptions
        {
            Wait = WaitOptions.WithTimeoutSeconds(TimeoutSec),
            Format = Format,
            Overwrite = Force.IsPresent,
            MaxRequests = MaxRequests,
        };
        SaveTo(outFile, () => ShouldProcess($"job {job} of project {project} → {OutFile}", "Request and save the target file"),
            async (path, options, status, ct) => (await Client.Transfers.DownloadTargetFileAsync(project, job, path, target with
            {
                WaitProgress = p => status($"Waiting for the target file: {p.Polls} poll(s), {p.Elapsed.TotalSeconds:0} s"),
                Transfer = options,
            }, ct).ConfigureAwait(false)).Download, ThrottleLimit);
    });

    private static string Uid(string parameter, string value) => PathSegment.Escape(PathSegment.Uid(parameter, value));
}
