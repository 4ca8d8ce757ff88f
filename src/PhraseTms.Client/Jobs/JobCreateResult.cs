using Newtonsoft.Json;
using PhraseTms.Client.AsyncRequests;

namespace PhraseTms.Client.Jobs;

/// <summary>
/// What job creation answered: the jobs, the files it could not use, warnings, and the asynchronous request that
/// imports the jobs (after a wait, its final state). <see cref="ProjectUid"/> and <see cref="DownloadTaskId"/> are the input.
/// </summary>
public sealed class JobCreateResult
{
    public string? ProjectUid { get; set; }

    public string? DownloadTaskId { get; set; }

    public List<JobPart> Jobs { get; set; } = [];

    public AsyncRequest? AsyncRequest { get; set; }

    /// <summary>The async request's id (binds to Wait-PhraseTmsAsyncRequest by property name).</summary>
    [JsonIgnore] public string? AsyncRequestId => AsyncRequest?.Id;

    public List<string> UnsupportedFiles { get; set; } = [];

    public List<JobCreateWarning> Warnings { get; set; } = [];

    /// <summary>One line per unsupported file and per warning, for the warning stream.</summary>
    public IEnumerable<string> WarningLines()
    {
        foreach (var file in UnsupportedFiles)
            yield return $"Download task {DownloadTaskId} of project {ProjectUid}: file '{file}' is not supported; no job was created for it.";
        foreach (var w in Warnings)
            yield return $"Download task {DownloadTaskId} of project {ProjectUid}: {w}";
    }

    /// <inheritdoc />
    public override string ToString() => $"{Jobs.Count} job(s) from download task {DownloadTaskId} of {ProjectUid}, {AsyncRequest}";
}

/// <summary>A warning of job creation: {domain, message, jobPartIds}.</summary>
public sealed class JobCreateWarning
{
    public string? Domain { get; set; }
    public string? Message { get; set; }
    public List<string> JobPartIds { get; set; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Domain}: {Message}{(JobPartIds.Count > 0 ? $" (jobs {string.Join(", ", JobPartIds)})" : "")}";
}
