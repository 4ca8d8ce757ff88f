using System.Net;

namespace PhraseTms.Client.Errors;

/// <summary>An error answer from the API (or from a proxy in front of it), or a transport failure of one request.</summary>
public sealed class PhraseTmsApiException : PhraseTmsException
{
    public PhraseTmsApiException(PhraseErrorKind kind, string errorId, string message, RequestInfo request,
        int statusCode, string? errorCode, string? errorDescription, Exception? inner = null)
        : base(kind, errorId, message, request, inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
    }

    /// <summary>HTTP status; 0 when no answer arrived.</summary>
    public int StatusCode { get; }

    /// <summary>Phrase's <c>errorCode</c>, when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Phrase's <c>errorDescription</c>, or a short excerpt of a non-JSON body.</summary>
    public string? ErrorDescription { get; }

    /// <summary>True when a non-idempotent request (POST) may have reached the server: it was not re-sent; check before re-running.</summary>
    public bool MayHaveReachedServer { get; init; }

    /// <summary>The HTTP status as an enum, when there was one.</summary>
    public HttpStatusCode? HttpStatus => StatusCode == 0 ? null : (HttpStatusCode)StatusCode;
}
