namespace PhraseTms.Emulator;

/// <summary>One request received on an API route (admin routes are not recorded). Values are raw, as received.</summary>
public sealed class RecordedRequest
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _statusCode;
    private volatile bool _aborted;

    public required string Method { get; init; }

    /// <summary>Path without the /web prefix, e.g. "/api2/v1/connectorAsyncTasks".</summary>
    public required string Path { get; init; }

    /// <summary>Raw query string without the leading '?' ("" when none).</summary>
    public required string Query { get; init; }

    /// <summary>The query parsed (names are case-sensitive as sent; repeated names keep every value in order).</summary>
    public required IReadOnlyDictionary<string, string[]> QueryParameters { get; init; }

    /// <summary>The raw Authorization header, or null.</summary>
    public string? AuthorizationHeader { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The request body as text ("" when none, and for a file: application/octet-stream or multipart bodies are
    /// streamed by their route, see <see cref="EmulatorData.Transfers"/>); a form body with its token fields redacted
    /// (subject_token=&lt;redacted&gt;).</summary>
    public required string Body { get; init; }

    /// <summary>Status answered: set when the response headers are sent; 0 for connection resets (and while in flight).</summary>
    public int StatusCode { get => Volatile.Read(ref _statusCode); internal set => Volatile.Write(ref _statusCode, value); }

    /// <summary>The fault applied to this request, if any.</summary>
    public FaultKind? Fault { get; internal set; }

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the connection was aborted before the answer was complete: the client went away (e.g. it
    /// cancelled the request), a reset fault cut it, or the emulator stopped. Set when <see cref="Completion"/> completes.</summary>
    public bool Aborted { get => _aborted; internal set => _aborted = value; }

    /// <summary>Completes when the emulator is done with the request (answered or aborted): lets a test await the end
    /// of a request that is still in flight instead of polling.</summary>
    public Task Completion => _completion.Task;

    internal void Complete() => _completion.TrySetResult();

    public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} -> {StatusCode}";
}
