using PhraseTms.Client.Errors;

namespace PhraseTms.Client.AsyncRequests;

/// <summary>
/// How <see cref="AsyncRequestWaiter"/> polls: the first interval grows by <see cref="Growth"/> after each poll up to
/// <see cref="MaxInterval"/> (default 1 s, 1.5 s, 2.25 s … 10 s), until <see cref="Timeout"/> (null = no limit).
/// </summary>
public sealed record WaitOptions
{
    /// <summary>1 s growing by half up to 10 s, no timeout.</summary>
    public static WaitOptions Default { get; } = new();

    public TimeSpan InitialInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Factor applied to the interval after each poll (1 = constant).</summary>
    public double Growth { get; init; } = 1.5;

    /// <summary>How long the whole wait may take; null = until finished (or cancelled).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The default schedule with a timeout of <paramref name="seconds"/> (null = none).</summary>
    public static WaitOptions WithTimeoutSeconds(int? seconds) =>
        seconds is null ? Default : Default with { Timeout = TimeSpan.FromSeconds(seconds.Value) };

    /// <summary>The pause that follows <paramref name="pauses"/> earlier pauses of the same wait.</summary>
    public TimeSpan IntervalAfter(int pauses)
    {
        var ticks = InitialInterval.Ticks * Math.Pow(Growth, Math.Min(pauses, 64));
        return ticks >= MaxInterval.Ticks ? MaxInterval : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Throws a <see cref="PhraseTmsValidationException"/> for a timeout or schedule that makes no sense.</summary>
    public WaitOptions Validate()
    {
        if (Timeout is { } t && t <= TimeSpan.Zero)
            throw new PhraseTmsValidationException("InvalidTimeout", "TimeoutSec", t.TotalSeconds,
                $"-TimeoutSec {t.TotalSeconds:0.###} must be a positive number of seconds.");
        if (InitialInterval <= TimeSpan.Zero || MaxInterval < InitialInterval)
            throw new PhraseTmsValidationException("InvalidWaitInterval", nameof(InitialInterval), InitialInterval,
                $"The poll interval must be positive and at most MaxInterval ({InitialInterval} … {MaxInterval}).");
        if (!(Growth >= 1) || double.IsInfinity(Growth))
            throw new PhraseTmsValidationException("InvalidWaitInterval", nameof(Growth), Growth, $"Growth {Growth} must be a finite number of at least 1.");
        return this;
    }
}

/// <summary>Where a wait stands, after a poll that found the request still running.</summary>
/// <param name="Request">The request as last seen.</param>
/// <param name="Polls">Polls made so far.</param>
/// <param name="Elapsed">Time waited so far.</param>
/// <param name="Timeout">The limit, if any.</param>
/// <param name="NextPollIn">The pause before the next poll.</param>
public readonly record struct AsyncWaitProgress(AsyncRequest Request, int Polls, TimeSpan Elapsed, TimeSpan? Timeout, TimeSpan NextPollIn)
{
    /// <summary>Elapsed share of the timeout (0–99), or null without a timeout.</summary>
    public int? PercentOfTimeout => Timeout is { } t && t > TimeSpan.Zero ? (int)Math.Min(99, Elapsed.Ticks * 100 / t.Ticks) : null;
}
