using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Transfers;

/// <summary>
/// A file to upload, streamed from disk or from a stream the caller opens: never read into memory. The stream is
/// opened once per attempt through a factory, so a request that is sent again (a 429 before anything was sent)
/// starts from a fresh stream, never from a half-consumed one. <see cref="Validate"/> refuses a name over 255
/// characters and a file over Phrase's 1 GB per request before any request is made.
/// </summary>
public sealed class UploadFile
{
    /// <summary>Phrase TMS accepts at most 1 GB (1 GiB, 1,073,741,824 bytes) per request.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>The longest file name Phrase accepts.</summary>
    public const int MaxFileNameLength = 255;

    private readonly Func<Stream> _open;
    private readonly bool _leaveOpen;

    private UploadFile(Func<Stream> open, string fileName, long? length, string? path, bool leaveOpen = false)
    {
        _open = open;
        _leaveOpen = leaveOpen;
        FileName = fileName;
        Length = length;
        Path = path;
    }

    /// <summary>The name sent in Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The size in bytes, when known before sending (always for a file on disk).</summary>
    public long? Length { get; }

    /// <summary>The file on disk, for a file upload; null for a stream.</summary>
    public string? Path { get; }

    /// <summary>The MIME type of the part (multipart) or body (octet-stream).</summary>
    public string ContentType { get; init; } = "application/octet-stream";

    /// <summary>A file on disk; <paramref name="fileName"/> defaults to its name. Its size is read now (a missing file fails here).</summary>
    public static UploadFile FromPath(string path, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists)
            throw new PhraseTmsValidationException("FileNotFound", "Path", path, $"The file '{path}' does not exist.");
        return new UploadFile(() => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan),
            fileName ?? info.Name, info.Length, full);
    }

    /// <summary>
    /// A stream opened by <paramref name="open"/> for each attempt (and disposed after it). Give <paramref name="length"/>
    /// when known: it is checked before sending and sent as Content-Length (a seekable stream's length is used otherwise).
    /// </summary>
    public static UploadFile FromStream(Func<Stream> open, string fileName, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(fileName);
        return new UploadFile(open, fileName, length, null);
    }

    /// <summary>
    /// An open stream the caller owns (not disposed). A retry (a 429) rewinds it to where it was; a stream that cannot
    /// seek is sent once only: a second attempt fails (UploadNotRestartable) rather than send a half-consumed stream.
    /// </summary>
    public static UploadFile FromStream(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!stream.CanRead) throw new ArgumentException("The stream to upload is not readable.", nameof(stream));
        var start = stream.CanSeek ? stream.Position : 0;
        var attempts = 0;
        return new UploadFile(() =>
        {
            if (attempts++ > 0)
            {
                if (!stream.CanSeek)
                    throw new PhraseTmsException(PhraseErrorKind.Connection, "UploadNotRestartable",
                        $"The upload of '{fileName}' had to be sent again, but its stream cannot be rewound; pass a file or a stream factory to allow retries.");
                stream.Position = start;
            }
            return stream;
        }, fileName, stream.CanSeek ? stream.Length - start : null, null, leaveOpen: true);
    }

    /// <summary>'name' (12.3 MB), for messages.</summary>
    public string Describe() => Length is { } n ? $"the file '{FileName}' ({Size(n)})" : $"the file '{FileName}'";

    /// <summary>Throws a <see cref="PhraseTmsValidationException"/> (FileNameEmpty, FileNameTooLong, FileTooLarge) for a file Phrase would refuse.</summary>
    public UploadFile Validate()
    {
        if (string.IsNullOrWhiteSpace(FileName))
            throw new PhraseTmsValidationException("FileNameEmpty", "FileName", FileName, "The file name to upload must not be empty.");
        if (FileName.Length > MaxFileNameLength)
            throw new PhraseTmsValidationException("FileNameTooLong", "FileName", FileName,
                $"The file name '{FileName.Substring(0, 40)}…' is {FileName.Length} characters long; Phrase TMS accepts at most {MaxFileNameLength}.");
        if (Length is { } n) CheckSize(n);
        return this;
    }

    private void CheckSize(long n)
    {
        if (n > MaxBytes)
            throw new PhraseTmsValidationException("FileTooLarge", "Path", Path ?? FileName,
                $"The file '{Path ?? FileName}' is {Size(n)} ({n:N0} bytes); Phrase TMS accepts at most 1 GB ({MaxBytes:N0} bytes) per request.")
            {
                RecommendedAction = "Split the file or compress it (e.g. into a ZIP) below 1 GB.",
            };
    }

    /// <summary>Opens the stream of one attempt, wrapped to count bytes for <paramref name="progress"/>.</summary>
    internal Stream Open(ProgressReporter progress)
    {
        var stream = _open() ?? throw new InvalidOperationException($"The stream factory of '{FileName}' returned null.");
        try
        {
            if (Length is null && stream.CanSeek) CheckSize(stream.Length - stream.Position);
            return new UploadStream(stream, progress, this, _leaveOpen);
        }
        catch
        {
            if (!_leaveOpen) stream.Dispose();
            throw;
        }
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.##} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
