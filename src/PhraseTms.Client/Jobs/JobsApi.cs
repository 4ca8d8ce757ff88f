using PhraseTms.Client.Http;

namespace PhraseTms.Client.Jobs;

/// <summary>Job endpoints.</summary>
public sealed class JobsApi
{
    private readonly PhraseTmsClient _client;

    internal JobsApi(PhraseTmsClient client) => _client = client;

    /// <summary>Checks the input of <see cref="CreateFromConnectorTaskAsync"/> without sending anything.</summary>
    public static void ValidateConnectorTaskInput(string projectUid, string downloadTaskId, JobCreateRequest request)
    {
        PathSegment.Uid("ProjectUid", projectUid);
        PathSegment.Uid("DownloadTaskId", downloadTaskId);
        request.Validate();
    }

    /// <summary>
    /// POST /api2/v1/projects/{projectUid}/jobs/connectorTask: creates jobs from a successful connector download task.
    /// Validated before sending; sent once (never re-sent after it may have reached the server). The jobs are imported
    /// asynchronously: wait for <see cref="JobCreateResult.AsyncRequest"/> to know when. <c>continuous</c>: the query
    /// parameter; null leaves the API's default (false).
    /// </summary>
    public async Task<JobCreateResult> CreateFromConnectorTaskAsync(string projectUid, string downloadTaskId, JobCreateRequest request,
        bool? continuous, CancellationToken ct)
    {
        ValidateConnectorTaskInput(projectUid, downloadTaskId, request);
        var call = new ApiCall(HttpMethod.Post, $"api2/v1/projects/{PathSegment.Escape(projectUid)}/jobs/connectorTask")
            .Query("downloadTaskId", downloadTaskId)
            .Query("continuous", continuous)
            .Body(request);
        var result = await _client.Pipeline.SendAsync<JobCreateResult>(call, ct).ConfigureAwait(false);
        result.ProjectUid = projectUid;
        result.DownloadTaskId = downloadTaskId;
        foreach (var job in result.Jobs) job.ProjectUid ??= projectUid;
        return result;
    }
}
