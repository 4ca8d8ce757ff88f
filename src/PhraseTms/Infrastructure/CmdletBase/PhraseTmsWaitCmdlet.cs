using System.Management.Automation;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Errors;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The base of cmdlets that wait for asynchronous work through the client's one waiter: -TimeoutSec, Write-Progress
/// while waiting, and a terminating OperationTimeout error when the time is up. Ctrl+C stops the wait at once.
/// </summary>
public abstract class PhraseTmsWaitCmdlet : PhraseTmsApiCmdlet
{
    private static int _progressIds = 2000;

    /// <summary>The most seconds to wait; without it, waits until the work has finished (or Ctrl+C).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? TimeoutSec { get; set; }

    /// <summary>
    /// Runs a client call that waits, showing its progress. A timeout first runs <paramref name="beforeTimeout"/> (to
    /// write what must not be lost) and then stops the cmdlet with the OperationTimeout error for <paramref name="target"/>.
    /// </summary>
    protected T AwaitWait<T>(object? target, Func<WaitOptions, Action<AsyncWaitProgress>, CancellationToken, Task<T>> call,
        Action<AsyncRequest>? beforeTimeout = null)
    {
        var options = WaitOptions.WithTimeoutSeconds(TimeoutSec);
        var bar = new ProgressBar(WriteProgress, Interlocked.Increment(ref _progressIds), "Waiting for asynchronous work");
        void Report(AsyncWaitProgress p) => Post(() => bar.Update(
            $"Still running after {p.Polls} poll(s), {p.Elapsed.TotalSeconds:0} s; next poll in {p.NextPollIn.TotalSeconds:0.#} s",
            p.PercentOfTimeout ?? -1,
            p.Timeout is { } t ? (int)Math.Max(0, (t - p.Elapsed).TotalSeconds) : -1,
            $"Waiting for {p.Request.DisplayName}"));
        void Complete() => bar.Complete();

        T result;
        try
        {
            result = Await(ct => call(options, Report, ct));
        }
        catch (PhraseTmsAsyncOperationException ex) when (ex.Kind == PhraseErrorKind.Timeout)
        {
            Complete();
            beforeTimeout?.Invoke(ex.AsyncRequest);
            ThrowClientError(ex, target);
            throw;
        }
        catch (PhraseTmsException)
        {
            Complete();
            throw;
        }
        Complete();
        return result;
    }

    /// <summary>The waiter's options with -Wait (null without): what the upload helpers wait with.</summary>
    protected WaitOptions? WaitFor(bool wait) => wait ? WaitOptions.WithTimeoutSeconds(TimeoutSec) : null;

    /// <summary>
    /// A generated cmdlet's call whose answer is (or carries, at <paramref name="asyncProperty"/>: <c>asyncRequest</c>,
    /// <c>analyses[].asyncRequest</c>, null when the answer is the request) asynchronous requests: sent once; with
    /// <paramref name="wait"/> the answer is written once all of them have finished (one waiter), then a failure is an error.
    /// </summary>
    protected void SendGeneratedAndWait<T>(Func<GeneratedRequest> build, bool wait, string? asyncProperty = "asyncRequest") =>
        ForInput(null, () =>
        {
            var request = build();
            if (request.Method != "GET" && !ShouldProcess($"{request.Method} /{request.Path}", request.Action)) return;
            var result = Await(ct => Client.Pipeline.SendAsync<T>(request.ToCall(), ct));
            var ids = wait ? AsyncRequestIds(result, asyncProperty) : [];
            var finished = new List<AsyncRequest>();
            foreach (var id in ids)
                finished.Add(AwaitWait(id, (options, progress, ct) => Client.AsyncRequests.Waiter.WaitAsync(id, options, progress, ct),
                    _ => WriteGenerated(result)));
            WriteGenerated(result);
            foreach (var f in finished) f.EnsureSucceeded();
        });
}
