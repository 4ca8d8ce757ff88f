namespace PhraseTms.Emulator;

/// <summary>What a fault does to a matching request (see <see cref="Fault"/>).</summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="Fault.Delay"/>, then answers normally.</summary>
    Latency,
    /// <summary>429 {"errorCode":"TooManyRequests"} with the chosen Retry-After / RateLimit-* headers.</summary>
    TooManyRequests,
    /// <summary><see cref="Fault.StatusCode"/> (500 default; 502/503/504) with {"errorCode":"InternalError"}.</summary>
    ServerError,
    /// <summary>Aborts the connection before any response byte.</summary>
    ResetBeforeHeaders,
    /// <summary>Sends the headers (full Content-Length) and about half of the real body, then aborts the connection.</summary>
    ResetMidBody,
    /// <summary>200 application/json with the first half of the real body (Content-Length matching the half).</summary>
    TruncatedJson,
    /// <summary>An HTML error page (text/html), status <see cref="Fault.StatusCode"/> 200 or 502 (default 502).</summary>
    HtmlPage,
    /// <summary>200 application/json with Content-Length 0.</summary>
    EmptyBody,
    /// <summary>200 text/plain "OK".</summary>
    WrongContentType,
    /// <summary>The real answer, its body sent in up to 10 chunks with <see cref="Fault.Delay"/> before each chunk after the first.</summary>
    SlowBody,
    /// <summary>The route runs and reads the whole request body (an upload is received and kept), then its answer is
    /// replaced by <see cref="Fault.StatusCode"/> (500 default; 502/503/504) with {"errorCode":"InternalError"}: the
    /// server acted on the request and failed afterwards.</summary>
    ServerErrorAfterBody,
    /// <summary>Invalidates the presented login token (API tokens stay valid) and answers 401 AuthUnauthorized.</summary>
    ExpireToken,
}
