namespace PhraseTms.Client.Errors;

/// <summary>
/// The base of every error the client raises. <see cref="ErrorId"/> is stable (scripts may match on it) and
/// <see cref="Kind"/> decides the PowerShell ErrorCategory. Messages never contain a secret.
/// </summary>
public class PhraseTmsException : Exception
{
    public PhraseTmsException(PhraseErrorKind kind, string errorId, string message, RequestInfo? request = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        ErrorId = errorId;
        Request = request;
    }

    /// <summary>Stable identifier: the Phrase errorCode, or one of the module's own (e.g. <c>NotConnected</c>).</summary>
    public string ErrorId { get; }

    /// <summary>The class of failure.</summary>
    public PhraseErrorKind Kind { get; }

    /// <summary>The request that failed (method, path and query), when there was one.</summary>
    public RequestInfo? Request { get; }

    /// <summary>What the user may do about it, when the client knows (shown as the error's recommended action).</summary>
    public string? RecommendedAction { get; init; }
}

/// <summary>Method plus path and query of a request, for error messages and logs. Never holds a header.</summary>
public sealed record RequestInfo(string Method, string PathAndQuery)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery}";
}
