using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.BackgroundTasks;

/// <summary>
/// GET /api2/v1/transMemories/{uid}/lastBackgroundTask and its term-base twin /api2/v1/termBases/{uid}/lastBackgroundTask.
/// </summary>
public sealed class BackgroundTasksApi
{
    private readonly PhraseTmsClient _client;

    internal BackgroundTasksApi(PhraseTmsClient client) => _client = client;

    /// <summary>The parameter naming the resource of <paramref name="kind"/> (TransMemoryUid / TermBaseUid).</summary>
    public static string ParameterName(BackgroundTaskKind kind) =>
        kind == BackgroundTaskKind.TermBase ? "TermBaseUid" : "TransMemoryUid";

    /// <summary>The last background task of a TM or term base. A bad UID fails before any request; an unknown one is NotFound.</summary>
    public async Task<LastBackgroundTask> GetLastAsync(BackgroundTaskKind kind, string uid, CancellationToken ct)
    {
        var segment = PathSegment.Uid(ParameterName(kind), uid);
        if (kind == BackgroundTaskKind.TermBase)
        {
            var tb = await _client.Pipeline.SendAsync<TermBaseBackgroundTask>(Call("termBases", segment), ct).ConfigureAwait(false);
            tb.TermBaseUid = uid;
            return tb;
        }
        var tm = await _client.Pipeline.SendAsync<TransMemoryBackgroundTask>(Call("transMemories", segment), ct).ConfigureAwait(false);
        tm.TransMemoryUid = uid;
        return tm;
    }

    /// <summary>
    /// The last background task once its asynchronous request has finished (see <see cref="AsyncRequestWaiter"/>): read,
    /// waited for when still running, then read again. A resource that never ran a task is returned as it is.
    /// </summary>
    public async Task<LastBackgroundTask> GetLastWhenFinishedAsync(BackgroundTaskKind kind, string uid, WaitOptions options,
        Action<AsyncWaitProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var task = await GetLastAsync(kind, uid, ct).ConfigureAwait(false);
        if (task.AsyncRequest is not { } request)
        {
            _client.Pipeline.Log.Verbose($"{ParameterName(kind)} {uid} has no background task to wait for.");
            return task;
        }
        var finished = await _client.AsyncRequests.Waiter.WaitAsync(request, options, progress, ct).ConfigureAwait(false);
        if (request.IsFinished) return task;
        var final = await GetLastAsync(kind, uid, ct).ConfigureAwait(false);
        // A newer task may have started meanwhile; otherwise keep the finished state the waiter saw.
        if (final.AsyncRequest is { IsFinished: false } again && again.Id == finished.Id) final.AsyncRequest = finished;
        return final;
    }

    private static ApiCall Call(string resource, string uid) => new(HttpMethod.Get, $"api2/v1/{resource}/{uid}/lastBackgroundTask");
}
