namespace PhraseTms.Emulator;

/// <summary>A fault to inject into matching API requests (see <see cref="FaultInjector.Add"/>).</summary>
public sealed record Fault(FaultKind Kind)
{
    /// <summary>How many matching requests it applies to (int.MaxValue = forever).</summary>
    public int Times { get; init; } = 1;

    /// <summary>Let this many matching requests through first.</summary>
    public int SkipFirst { get; init; } = 0;

    /// <summary>ServerError: 500 (default), 502, 503, 504. HtmlPage: 200 or 502 (default). TooManyRequests: 429 (default).</summary>
    public int StatusCode { get; init; }

    /// <summary>Latency: before answering normally. SlowBody: between body chunks.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>TooManyRequests: Retry-After value ("2" or an HTTP date); null = no header.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>TooManyRequests: add RateLimit-Limit and RateLimit-Remaining: 0 (the concurrency-cap flavour).</summary>
    public bool RateLimitHeaders { get; init; }
}
