using System.Diagnostics;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Transfers;

/// <summary>
/// Uploads and downloads that stream through the one pipeline (auth, retries, throttling, error mapping, log), for any
/// endpoint: the caller builds the <see cref="ApiCall"/> (method, path, query), this sends it with a streamed body or
/// streams its answer. Retries follow <see cref="RetryPolicy"/>: a download (GET) is retried from the beginning like
/// every GET, unless <see cref="ApiCall.OneShot"/>; an upload that may have reached the server is never re-sent and
/// its error names the file; a 429 is re-sent from a freshly opened stream.
/// </summary>
public sealed class TransfersApi
{
    private readonly PhraseTmsClient _client;

    internal TransfersApi(PhraseTmsClient client) => _client = client;

    /// <summary>The client the transfers belong to (for flows built on them, e.g. <see cref="TargetFileDownload"/>).</summary>
    internal PhraseTmsClient Client => _client;

    /// <summary>Sends <paramref name="content"/> as the body of <paramref name="call"/> (POST or PUT) and reads the JSON answer.</summary>
    public async Task<T> UploadAsync<T>(ApiCall call, UploadContent content, TransferOptions? options, CancellationToken ct)
    {
        Prepare(call, content, options);
        return await _client.Pipeline.SendAsync<T>(call, ct).ConfigureAwait(false);
    }

    /// <summary>As <see cref="UploadAsync{T}"/>, answering the raw response.</summary>
    public async Task<ApiResponse> UploadRawAsync(ApiCall call, UploadContent content, TransferOptions? options, CancellationToken ct)
    {
        Prepare(call, content, options);
        return await _client.Pipeline.SendRawAsync(call, ct).ConfigureAwait(false);
    }

    /// <summary>Streams the answer's body to <paramref name="destination"/> (retried attempts rewind it; a stream that
    /// cannot be rewound is not retried once written to).</summary>
    public Task<DownloadResult> DownloadAsync(ApiCall call, Stream destination, TransferOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return DownloadAsync(call, DownloadSink.ToStream(call.Info, Reporter(options, null), destination), options, ct);
    }

    /// <summary>
    /// Streams the answer's body to <paramref name="outFile"/> (-OutFile): written under a temporary name in the same
    /// folder and moved to <paramref name="outFile"/> (replacing it) only once complete; on failure or cancellation the
    /// temporary file is deleted and nothing is left under the final name. An existing folder as
    /// <paramref name="outFile"/> saves under the server's file name (Content-Disposition) in it.
    /// </summary>
    public Task<DownloadResult> DownloadToFileAsync(ApiCall call, string outFile, TransferOptions? options, CancellationToken ct) =>
        DownloadToFileAsync(call, outFile, overwrite: true, options, ct);

    /// <summary>As <see cref="DownloadToFileAsync(ApiCall, string, TransferOptions?, CancellationToken)"/>; without
    /// <paramref name="overwrite"/> an existing file of the final name is left alone and the download fails (OutFileExists,
    /// the temporary file deleted) — for a folder, whose file name is known only from the answer.</summary>
    public Task<DownloadResult> DownloadToFileAsync(ApiCall call, string outFile, bool overwrite, TransferOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outFile);
        return DownloadAsync(call, DownloadSink.ToFile(call.Info, Reporter(options, null), outFile, overwrite), options, ct);
    }

    /// <summary>
    /// Sends <paramref name="content"/> as the body of <paramref name="call"/> and streams the answer (a file: a
    /// converted or previewed document) to <paramref name="outFile"/> as <see cref="DownloadToFileAsync(ApiCall, string, bool, TransferOptions?, CancellationToken)"/>
    /// does. Sent once: an upload that may have reached the server is never re-sent. Progress counts the bytes sent.
    /// </summary>
    public Task<DownloadResult> UploadToFileAsync(ApiCall call, UploadContent content, string outFile, bool overwrite, TransferOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outFile);
        Prepare(call, content, options);
        return DownloadAsync(call, DownloadSink.ToFile(call.Info, Reporter(null, null), outFile, overwrite), options, ct);
    }

    private async Task<DownloadResult> DownloadAsync(ApiCall call, DownloadSink sink, TransferOptions? options, CancellationToken ct)
    {
        // An upload answered with a file keeps the subject naming its file(s) in errors.
        call.Transfer = new TransferState { Subject = call.Transfer?.Subject ?? "", Sink = sink, Timeout = Timeout(options) };
        var watch = Stopwatch.StartNew();
        var committed = false;
        try
        {
            var response = await _client.Pipeline.SendRawAsync(call, ct).ConfigureAwait(false);
            var path = sink.Commit();
            committed = true;
            _client.Log.Verbose($"{call.Info}: {UploadFile.Size(sink.Bytes)} downloaded{(path is null ? "" : $" to '{path}'")} in {watch.ElapsedMilliseconds} ms" +
                                $"{(sink.Attempts > 1 ? $" ({sink.Attempts} attempts)" : "")}.");
            return new DownloadResult
            {
                Request = call.Info,
                StatusCode = response.StatusCode,
                ContentType = sink.ContentType ?? response.ContentType,
                ContentDisposition = sink.ContentDispositionHeader,
                ServerFileName = sink.ServerFileName,
                Bytes = sink.Bytes,
                Path = path,
                Attempts = sink.Attempts,
                Elapsed = watch.Elapsed,
            };
        }
        finally
        {
            if (!committed) sink.Abandon();
        }
    }

    private void Prepare(ApiCall call, UploadContent content, TransferOptions? options)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(content);
        content.Validate();
        content.Progress = Reporter(options, content.TotalBytes);
        call.Transfer = new TransferState { Subject = $" of {content.Describe()}", Timeout = Timeout(options) };
        call.Body(() => content);
    }

    private static ProgressReporter Reporter(TransferOptions? options, long? total) => new(options?.Progress, total);

    private TimeSpan Timeout(TransferOptions? options) =>
        options?.Timeout ?? (TransferOptions.DefaultTimeout > _client.Options.RequestTimeout ? TransferOptions.DefaultTimeout : _client.Options.RequestTimeout);
}
