using PhraseTms.Client.Http;

namespace PhraseTms.Client;

/// <summary>Settings of one client (one session).</summary>
public sealed class PhraseTmsClientOptions
{
    /// <summary>The API's base, e.g. <c>https://cloud.memsource.com/web</c>. Checked by <see cref="Connection.Endpoint"/>.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>How long one HTTP request may take before it fails as a timeout (default 100 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times a throttled or failed (idempotent) request is retried (default 5; 0 = never).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The most time spent waiting between retries of one request, all waits added up (default 2 minutes).</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The first backoff step of a retry without a server hint; it doubles each retry (default 1 s).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to back off when Phrase signals its concurrency cap (429 with RateLimit headers; default 60 s).</summary>
    public TimeSpan ConcurrencyCapDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many pages a list reads ahead once it knows how many there are (default 6: five in flight while one
    /// is handed out, what 25 ms per page needs to stay within 0.15x of a sequential loop; 1 = strictly sequential).</summary>
    public int PrefetchPages { get; init; } = 6;

    /// <summary>Where the client tells what it does (the module's -Verbose / -Debug).</summary>
    public IClientLog Log { get; init; } = NullClientLog.Instance;

    /// <summary>The clock (tests replace it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Wraps the HTTP handler (tests only).</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? ConfigureHandler { get; init; }

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; init; } = $"PhraseTms-PowerShell/{typeof(PhraseTmsClientOptions).Assembly.GetName().Version?.ToString(3)}";
}
