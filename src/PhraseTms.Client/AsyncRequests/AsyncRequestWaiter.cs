using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.AsyncRequests;

/// <summary>
/// THE one waiter for asynchronous work: polls GET /api2/v1/async/{id} until <c>asyncResponse</c> is present, pausing
/// as <see cref="WaitOptions"/> says (on the client's clock, so cancellation stops it at once). Past the timeout it
/// throws a <see cref="PhraseTmsAsyncOperationException"/> (OperationTimeout). It returns the finished request, failed
/// or not (<see cref="AsyncRequest.EnsureSucceeded"/> turns a failure into an exception), after logging its warnings.
/// </summary>
public sealed class AsyncRequestWaiter
{
    private readonly AsyncRequestsApi _api;
    private readonly PhraseTmsClient _client;

    internal AsyncRequestWaiter(AsyncRequestsApi api, PhraseTmsClient client)
    {
        _api = api;
        _client = client;
    }

    /// <summary>Waits for request <paramref name="id"/>, polling at once.</summary>
    public Task<AsyncRequest> WaitAsync(string id, WaitOptions options, Action<AsyncWaitProgress>? progress, CancellationToken ct)
    {
        PathSegment.NumericId("Id", id);
        return WaitCoreAsync(new AsyncRequest { Id = id }, pollFirst: true, options, progress, ct);
    }

    /// <summary>
    /// Waits for a request whose state was just read (e.g. the reference a POST answered with): returns it at once when
    /// it has finished, otherwise pauses before the first poll.
    /// </summary>
    public Task<AsyncRequest> WaitAsync(AsyncRequest current, WaitOptions options, Action<AsyncWaitProgress>? progress, CancellationToken ct)
    {
        PathSegment.NumericId("Id", current.Id);
        return WaitCoreAsync(current, pollFirst: false, options, progress, ct);
    }

    private async Task<AsyncRequest> WaitCoreAsync(AsyncRequest request, bool pollFirst, WaitOptions options,
        Action<AsyncWaitProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var time = _client.Options.Time;
        var started = time.GetTimestamp();
#if NETSTANDARD2_0 // no constructor to shim downlevel: Microsoft.Bcl.TimeProvider's equivalent
        using var timeout = options.Timeout is { } limit ? time.CreateCancellationTokenSource(limit) : new CancellationTokenSource();
#else
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
#endif
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var polls = 0;
        var pauses = 0;
        try
        {
            if (pollFirst)
            {
                request = await _api.GetAsync(request.Id!, linked.Token).ConfigureAwait(false);
                polls++;
            }
            while (!request.IsFinished)
            {
                var pause = options.IntervalAfter(pauses++);
                _client.Pipeline.Log.Verbose($"{request.DisplayName} is still running after {polls} poll{(polls == 1 ? "" : "s")}; next poll in {pause.TotalSeconds:0.##} s.");
                progress?.Invoke(new AsyncWaitProgress(request, polls, time.GetElapsedTime(started), options.Timeout, pause));
                await Task.Delay(pause, time, linked.Token).ConfigureAwait(false);
                request = await _api.GetAsync(request.Id!, linked.Token).ConfigureAwait(false);
                polls++;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw PhraseTmsAsyncOperationException.TimedOut(request, options.Timeout!.Value, polls);
        }

        var log = _client.Pipeline.Log;
        log.Verbose($"{request.DisplayName} finished: {request.State} after {polls} poll{(polls == 1 ? "" : "s")} in {time.GetElapsedTime(started).TotalSeconds:0.#} s.");
        foreach (var warning in request.AsyncResponse!.Warnings)
            log.Warning($"{request.DisplayName}: {warning}");
        return request;
    }
}
