namespace PhraseTms.Client.Transfers;

/// <summary>Options of one upload or download.</summary>
public sealed class TransferOptions
{
    /// <summary>The default timeout of one transfer attempt: long enough for 1 GB on a slow link (Ctrl+C stops it at once).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    /// <summary>Called with the bytes so far (and the total when known), at most every 100 ms or 1 %, and once at the end.
    /// Runs on the transfer's thread: keep it short.</summary>
    public Action<TransferProgress>? Progress { get; init; }

    /// <summary>How long one attempt may take; null = <see cref="DefaultTimeout"/> or the client's RequestTimeout, whichever is longer.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>What a download wrote.</summary>
public sealed class DownloadResult
{
    public required Errors.RequestInfo Request { get; init; }
    public required int StatusCode { get; init; }
    public string? ContentType { get; init; }

    /// <summary>The raw Content-Disposition of the answer, if any.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>The server's file name (filename* preferred, then filename), as sent; null when it sent none.</summary>
    public string? ServerFileName { get; init; }

    /// <summary>Bytes written.</summary>
    public long Bytes { get; init; }

    /// <summary>The file written (downloads to a file); null for a stream.</summary>
    public string? Path { get; init; }

    /// <summary>Attempts made (more than one when a broken download was retried from the beginning).</summary>
    public int Attempts { get; init; }

    public TimeSpan Elapsed { get; init; }
}
