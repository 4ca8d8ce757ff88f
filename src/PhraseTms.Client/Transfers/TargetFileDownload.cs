using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Transfers;

/// <summary>
/// A job's target file, end to end: PUT /api2/v2/projects/{projectUid}/jobs/{jobUid}/targetFile starts an asynchronous
/// request, the one waiter waits for it, and GET …/downloadTargetFile/{asyncRequestId} downloads its result once (the
/// id is one-shot, so the pipeline never retries that GET). When that download breaks after it may have been answered
/// (connection cut, 5xx), the whole sequence starts again from the PUT, up to <see cref="TargetFileOptions.MaxRequests"/>
/// times; other errors stop at once. Nothing is left under the final name unless a download completed.
/// </summary>
public static class TargetFileDownload
{
    /// <summary>Requests, waits for and downloads the target file of <paramref name="jobUid"/> to <paramref name="outFile"/>
    /// (a folder: the server's file name in it). Bad uids fail before any request.</summary>
    public static async Task<TargetFileResult> DownloadTargetFileAsync(this TransfersApi transfers, string projectUid, string jobUid,
        string outFile, TargetFileOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(outFile);
        var project = PathSegment.Uid("ProjectUid", projectUid);
        var job = PathSegment.Uid("JobUid", jobUid);
        options ??= TargetFileOptions.Default;
        options.Validate();
        var client = transfers.Client;
        for (var request = 1; ; request++)
        {
            var started = await client.Pipeline.SendAsync<AsyncRequestWrapper>(
                new ApiCall(HttpMethod.Put, $"api2/v2/projects/{project}/jobs/{job}/targetFile"), ct).ConfigureAwait(false);
            var asyncRequest = started.AsyncRequest ?? throw new PhraseTmsException(PhraseErrorKind.InvalidResult, "TargetFileNotStarted",
                $"PUT targetFile of job {jobUid} answered without an async request.");
            var finished = (await client.AsyncRequests.Waiter.WaitAsync(asyncRequest, options.Wait, options.WaitProgress, ct).ConfigureAwait(false))
                .EnsureSucceeded();
            var download = new ApiCall(HttpMethod.Get, $"api2/v2/projects/{project}/jobs/{job}/downloadTargetFile/{PathSegment.NumericId("AsyncRequestId", finished.Id)}")
            {
                OneShot = true,
            };
            if (options.Format is { } format) download.Query("format", format);
            try
            {
                var result = await transfers.DownloadToFileAsync(download, outFile, options.Overwrite, options.Transfer, ct).ConfigureAwait(false);
                return new TargetFileResult(result, request, finished.Id!);
            }
            catch (PhraseTmsApiException ex) when (ex.MayHaveReachedServer && request < options.MaxRequests && !ct.IsCancellationRequested)
            {
                client.Log.Verbose($"The target file download of job {jobUid} broke ({ex.ErrorId}); requesting the target file again ({request + 1} of {options.MaxRequests}).");
            }
        }
    }

    private sealed class AsyncRequestWrapper
    {
        public AsyncRequest? AsyncRequest { get; set; }
    }
}

/// <summary>How <see cref="TargetFileDownload"/> waits and how often it may start over.</summary>
public sealed record TargetFileOptions
{
    public static TargetFileOptions Default { get; } = new();

    /// <summary>How the asynchronous request is waited for.</summary>
    public WaitOptions Wait { get; init; } = WaitOptions.Default;

    public Action<AsyncWaitProgress>? WaitProgress { get; init; }

    /// <summary>Options of each download attempt.</summary>
    public TransferOptions? Transfer { get; init; }

    /// <summary>The download's format (ORIGINAL, PDF); null: the API's default.</summary>
    public string? Format { get; init; }

    /// <summary>Replaces an existing file at the final name (the default, as DownloadToFileAsync); false: that file is
    /// left alone and the download fails with OutFileExists.</summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>How many target-file requests (PUT + wait + one download) may be made in all; at least 1.</summary>
    public int MaxRequests { get; init; } = 3;

    public TargetFileOptions Validate()
    {
        Wait.Validate();
        if (MaxRequests < 1)
            throw new PhraseTmsValidationException("InvalidMaxRequests", nameof(MaxRequests), MaxRequests, $"MaxRequests {MaxRequests} must be at least 1.");
        return this;
    }
}

/// <summary>The completed download, how many target-file requests it took, and the async request it came from.</summary>
public sealed record TargetFileResult(DownloadResult Download, int Requests, string AsyncRequestId);
