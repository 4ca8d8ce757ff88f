namespace PhraseTms.Client.Errors;

/// <summary>What kind of failure an exception stands for; the module maps each kind to one PowerShell ErrorCategory.</summary>
public enum PhraseErrorKind
{
    /// <summary>Not connected, bad credentials, expired token (401).</summary>
    Authentication,
    /// <summary>403: the user may not do this.</summary>
    PermissionDenied,
    /// <summary>404: no such project, task, TM …</summary>
    NotFound,
    /// <summary>400, or a bad value caught locally before any request.</summary>
    InvalidArgument,
    /// <summary>429 or ApiLimitReached: throttled and out of retries.</summary>
    LimitsExceeded,
    /// <summary>The server could not be reached, the connection broke, or it answered 502/503/504.</summary>
    Connection,
    /// <summary>The server answered something that is not what it claims (500, HTML, truncated JSON, empty body).</summary>
    InvalidResult,
    /// <summary>A request or a wait took longer than allowed.</summary>
    Timeout,
    /// <summary>An asynchronous operation on the server finished with an error.</summary>
    OperationFailed,
}
