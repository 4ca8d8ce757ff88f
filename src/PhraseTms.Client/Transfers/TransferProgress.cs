using System.Diagnostics;

namespace PhraseTms.Client.Transfers;

/// <summary>How far a transfer is: bytes sent or received so far, and the total when known (Content-Length).</summary>
public readonly record struct TransferProgress(long Bytes, long? TotalBytes)
{
    /// <summary>0–100, when the total is known.</summary>
    public double? Percent => TotalBytes is > 0 and long t ? Math.Min(100.0, Bytes * 100.0 / t) : null;
}

/// <summary>
/// Throttles progress callbacks: at most one per <see cref="Interval"/> or per 1 % of the total, whichever comes first,
/// plus the final one. Monotonic across attempts: an attempt that starts again from the beginning (a retried download,
/// an upload re-sent after a 429) reports nothing until it passes what was already reported.
/// </summary>
internal sealed class ProgressReporter
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Action<TransferProgress>? _callback;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _lock = new();
    private long _reported = -1;
    private TimeSpan _reportedAt = -Interval;

    public ProgressReporter(Action<TransferProgress>? callback, long? total)
    {
        _callback = callback;
        Total = total;
    }

    /// <summary>The total, when known (set from the answer's Content-Length for downloads).</summary>
    public long? Total { get; set; }

    /// <summary>Bytes of the current attempt.</summary>
    public void Report(long bytes) => Report(bytes, final: false);

    /// <summary>The last report of a complete transfer (always delivered unless the same count was already reported).</summary>
    public void Complete(long bytes) => Report(bytes, final: true);

    private void Report(long bytes, bool final)
    {
        if (_callback is null) return;
        lock (_lock)
        {
            if (bytes <= _reported) return;
            var now = _clock.Elapsed;
            var step = Total is > 0 and long t ? Math.Max(1, t / 100) : long.MaxValue;
            if (!final && bytes != Total && now - _reportedAt < Interval && bytes - Math.Max(0, _reported) < step) return;
            _reported = bytes;
            _reportedAt = now;
        }
        _callback(new TransferProgress(bytes, Total));
    }
}
