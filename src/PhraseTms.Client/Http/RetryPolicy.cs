using System.Globalization;

namespace PhraseTms.Client.Http;

/// <summary>What happened to one attempt, as far as retrying is concerned.</summary>
public readonly record struct AttemptOutcome(int StatusCode, IReadOnlyDictionary<string, string>? HeaderValues, bool TransportFailure, bool TimedOut)
{
    public static AttemptOutcome Status(int status, IReadOnlyDictionary<string, string> headers) => new(status, headers, false, false);
    public static AttemptOutcome Transport(bool timedOut) => new(0, null, true, timedOut);

    public string? Header(string name) =>
        HeaderValues is not null && HeaderValues.TryGetValue(name, out var v) ? v : null;
}

/// <summary>Whether and how long to wait before the next attempt; <see cref="GaveUp"/> when a retryable failure ran out of attempts or time.</summary>
public readonly record struct RetryDecision(bool Retry, TimeSpan Delay, string Reason, bool GaveUp = false)
{
    public static RetryDecision Stop(string reason, bool gaveUp = false) => new(false, TimeSpan.Zero, reason, gaveUp);
}

/// <summary>
/// The one retry policy of the client. 429 is retried for every method (Phrase refused it before doing anything):
/// after <c>Retry-After</c> when given, longer when <c>RateLimit-*</c> headers say the concurrency cap was hit,
/// otherwise with exponential backoff and jitter. 5xx, broken connections and timeouts are retried for GET only:
/// a POST that may have reached the server is never re-sent. Bounded by attempts and by the total time waited.
/// </summary>
public sealed class RetryPolicy
{
    private readonly int _maxRetries;
    private readonly TimeSpan _maxTotalWait;
    private readonly Random _random;

    public RetryPolicy(int maxRetries, TimeSpan maxTotalWait, Random? random = null)
    {
        _maxRetries = maxRetries;
        _maxTotalWait = maxTotalWait;
        _random = random ?? Random.Shared;
    }

    /// <summary>First backoff step; doubles each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest single backoff step without a server hint.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait when Phrase signals its concurrency cap (RateLimit headers, no Retry-After).</summary>
    public TimeSpan ConcurrencyCapDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <param name="call">The call.</param>
    /// <param name="outcome">What the attempt got.</param>
    /// <param name="retriesSoFar">Retries already made for this call.</param>
    /// <param name="waitedSoFar">Time already spent waiting between attempts of this call.</param>
    /// <param name="now">The current time (for Retry-After dates).</param>
    public RetryDecision Decide(ApiCall call, AttemptOutcome outcome, int retriesSoFar, TimeSpan waitedSoFar, DateTimeOffset now)
    {
        var (retryable, delay, reason) = Classify(call, outcome, retriesSoFar, now);
        if (!retryable) return RetryDecision.Stop(reason);
        if (retriesSoFar >= _maxRetries)
            return RetryDecision.Stop($"{reason}; gave up after {retriesSoFar} retr{(retriesSoFar == 1 ? "y" : "ies")} (-MaxRetries {_maxRetries})", gaveUp: true);
        if (waitedSoFar + delay > _maxTotalWait)
            return RetryDecision.Stop($"{reason}; waiting {Seconds(delay)} more would pass -MaxRetryWaitSec {_maxTotalWait.TotalSeconds:0.#}", gaveUp: true);
        return new RetryDecision(true, delay, reason);
    }

    private (bool, TimeSpan, string) Classify(ApiCall call, AttemptOutcome outcome, int retriesSoFar, DateTimeOffset now)
    {
        if (outcome.TransportFailure)
        {
            var what = outcome.TimedOut ? "the request timed out" : "the connection failed";
            return call.IsIdempotent
                ? (true, Backoff(retriesSoFar), what)
                : (false, TimeSpan.Zero, $"{what}; a {call.Method} is never re-sent automatically");
        }

        switch (outcome.StatusCode)
        {
            case 429:
                if (RetryAfter(outcome.Header("Retry-After"), now) is { } hinted)
                    return (true, hinted, $"throttled (429), Retry-After {Seconds(hinted)}");
                if (outcome.Header("RateLimit-Limit") is not null || outcome.Header("RateLimit-Remaining") is not null)
                    return (true, Jitter(ConcurrencyCapDelay), "throttled (429) at the concurrency cap (RateLimit headers)");
                return (true, Backoff(retriesSoFar), "throttled (429)");
            case 500 or 502 or 503 or 504:
                return call.IsIdempotent
                    ? (true, RetryAfter(outcome.Header("Retry-After"), now) ?? Backoff(retriesSoFar), $"server error ({outcome.StatusCode})")
                    : (false, TimeSpan.Zero, $"server error ({outcome.StatusCode}); a {call.Method} is never re-sent automatically");
            default:
                return (false, TimeSpan.Zero, $"HTTP {outcome.StatusCode} is not retried");
        }
    }

    /// <summary>Exponential backoff with ±25 % jitter: 1 s, 2 s, 4 s … capped at <see cref="MaxDelay"/>.</summary>
    public TimeSpan Backoff(int retriesSoFar)
    {
        var ticks = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(retriesSoFar, 20)));
        return Jitter(TimeSpan.FromTicks(ticks));
    }

    private TimeSpan Jitter(TimeSpan value)
    {
        double factor;
        lock (_random) factor = 0.75 + _random.NextDouble() * 0.5;
        return TimeSpan.FromTicks((long)(value.Ticks * factor));
    }

    /// <summary>Parses Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.##} s";
}
