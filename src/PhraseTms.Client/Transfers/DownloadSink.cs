using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Transfers;

/// <summary>
/// Streams the body of a successful download to a caller's stream or to a file, attempt by attempt: every attempt
/// starts again from the beginning (the temporary file truncated, a seekable stream rewound). A file is written under
/// a temporary name in its folder and moved to its final name only by <see cref="Commit"/>, once complete;
/// <see cref="Abandon"/> deletes it (failure, cancellation). Never buffers the body, never decodes it.
/// </summary>
internal sealed class DownloadSink : IResponseSink
{
    private const int BufferSize = 81920;

    private readonly RequestInfo _request;
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private readonly string? _outFile;
    private readonly bool _outIsFolder;
    private string? _tempPath;
    private long _written;

    private DownloadSink(RequestInfo request, ProgressReporter progress, Stream? stream, string? outFile)
    {
        _request = request;
        Progress = progress;
        _stream = stream;
        if (stream is { CanSeek: true }) _streamStart = stream.Position;
        if (outFile is not null)
        {
            _outFile = Path.GetFullPath(outFile);
            _outIsFolder = Directory.Exists(_outFile);
            var folder = _outIsFolder ? _outFile : Path.GetDirectoryName(_outFile);
            if (folder is null || !Directory.Exists(folder))
                throw new PhraseTmsValidationException("OutFileFolderNotFound", "OutFile", outFile, $"The folder of -OutFile '{outFile}' does not exist.");
        }
    }

    public static DownloadSink ToStream(RequestInfo request, ProgressReporter progress, Stream destination)
    {
        if (!destination.CanWrite) throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        return new(request, progress, destination, null);
    }

    /// <summary>To <paramref name="outFile"/>; an existing folder means "in this folder, under the server's file name".</summary>
    public static DownloadSink ToFile(RequestInfo request, ProgressReporter progress, string outFile, bool overwrite = true) =>
        new(request, progress, null, outFile) { _overwrite = overwrite };

    private bool _overwrite = true;

    public ProgressReporter Progress { get; }
    public int Attempts { get; private set; }
    public long Bytes { get; private set; }
    public string? ContentType { get; private set; }
    public string? ContentDispositionHeader { get; private set; }
    public string? ServerFileName { get; private set; }

    /// <summary>The temporary file of a download to a file, while it is being written.</summary>
    public string? TempPath => _tempPath;

    public async Task ReceiveAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Attempts++;
        var headers = response.Content.Headers;
        var total = headers.ContentLength;
        Progress.Total = total;
        ContentType = headers.ContentType?.ToString();
        ContentDispositionHeader = headers.TryGetValues("Content-Disposition", out var cd) ? string.Join(", ", cd) : null;
        ServerFileName = ContentDisposition.ParseFileName(ContentDispositionHeader);

        var target = Restart();
        long bytes = 0;
        try
        {
            // Not disposed here: RestSharp finds it at its end afterwards, as with ResponseBody (the message owns it).
            var network = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var counted = new CountingWriteStream(target, n =>
            {
                bytes += n;
                _written += n;
                Progress.Report(bytes);
            }, ex => ex is IOException or UnauthorizedAccessException or NotSupportedException ? WriteFailed(ex) : null);
            // HttpClient's own copy: the connection's buffer straight to the target, in large writes.
            await network.CopyToAsync(counted, BufferSize, ct).ConfigureAwait(false);
            if (total is { } expected && bytes != expected)
                throw new IOException($"The download ended after {bytes:N0} of {expected:N0} bytes.");
            try { await target.FlushAsync(ct).ConfigureAwait(false); }
            catch (IOException ex) { throw WriteFailed(ex); }
        }
        finally
        {
            if (target != _stream) target.Dispose();
        }
        Bytes = bytes;
        Progress.Complete(bytes);
    }

    /// <summary>The target of a new attempt, positioned at the beginning (nothing of an earlier attempt kept).</summary>
    private Stream Restart()
    {
        if (_stream is null)
        {
            _tempPath ??= Path.Combine(_outIsFolder ? _outFile! : Path.GetDirectoryName(_outFile)!,
                $".{(_outIsFolder ? "download" : Path.GetFileName(_outFile))}.{Guid.NewGuid().ToString("N").Substring(0, 8)}.partial");
            try
            {
                return new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw WriteFailed(ex);
            }
        }
        if (_written > 0)
        {
            if (!_stream.CanSeek)
                throw new PhraseTmsException(PhraseErrorKind.Connection, "DownloadNotRestartable",
                    $"{_request} broke off after {_written:N0} bytes were written to a stream that cannot be rewound, so it was not retried; download it again.", _request);
            _stream.Position = _streamStart;
            _stream.SetLength(_streamStart);
            _written = 0;
        }
        return _stream;
    }

    // Not an IOException: a full disk is not a broken connection, and must not be retried as one.
    private PhraseTmsException WriteFailed(Exception ex) =>
        new(PhraseErrorKind.OperationFailed, "DownloadWriteFailed",
            $"{_request}: writing the download to {(_stream is null ? $"'{_tempPath}'" : "the stream")} failed: {ex.Message}", _request, ex);

    /// <summary>Moves the complete temporary file to its final name (replacing an existing file); returns that name.</summary>
    public string? Commit()
    {
        if (_tempPath is null) return null;
        var final = _outIsFolder
            ? Path.Combine(_outFile!, ContentDisposition.SafeFileName(ServerFileName) ?? "download")
            : _outFile!;
        if (!_overwrite && File.Exists(final))
            throw new PhraseTmsValidationException("OutFileExists", "OutFile", final,
                $"The file '{final}' already exists; the download was not saved (use -Force to overwrite it).");
        File.Move(_tempPath, final, overwrite: _overwrite);
        _tempPath = null;
        return final;
    }

    /// <summary>Deletes the temporary file of an unfinished download (nothing is left under the final name).</summary>
    public void Abandon()
    {
        if (_tempPath is null) return;
        try { File.Delete(_tempPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* best effort: it is a hidden .partial file */ }
        _tempPath = null;
    }
}
