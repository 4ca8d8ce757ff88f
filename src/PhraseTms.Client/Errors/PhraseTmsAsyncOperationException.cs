using PhraseTms.Client.AsyncRequests;

namespace PhraseTms.Client.Errors;

/// <summary>
/// An asynchronous request that finished with an <c>errorCode</c> (kind OperationFailed, ErrorId = that code, message
/// = its <c>errorDesc</c>), or that did not finish in time (kind Timeout, ErrorId <c>OperationTimeout</c>).
/// <see cref="AsyncRequest"/> holds its last known state, <see cref="ErrorDetails"/> the response's details.
/// </summary>
public sealed class PhraseTmsAsyncOperationException : PhraseTmsException
{
    public const string TimeoutErrorId = "OperationTimeout";

    private PhraseTmsAsyncOperationException(PhraseErrorKind kind, string errorId, string message, AsyncRequest request)
        : base(kind, errorId, message)
    {
        AsyncRequest = request;
    }

    /// <summary>The request as last seen.</summary>
    public AsyncRequest AsyncRequest { get; }

    /// <summary>The <c>errorDetails</c> of the response (empty for a timeout).</summary>
    public IReadOnlyList<AsyncErrorDetail> ErrorDetails => AsyncRequest.AsyncResponse?.ErrorDetails ?? [];

    /// <summary>The failure of a finished request.</summary>
    public static PhraseTmsAsyncOperationException Failed(AsyncRequest request)
    {
        var response = request.AsyncResponse!;
        var message = string.IsNullOrWhiteSpace(response.ErrorDesc) ? $"{request.DisplayName} failed with {response.ErrorCode}." : response.ErrorDesc;
        var details = response.ErrorDetails.Count == 0 ? ""
            : $" Details (also in the exception's ErrorDetails): {string.Join("; ", response.ErrorDetails)}.";
        return new PhraseTmsAsyncOperationException(PhraseErrorKind.OperationFailed, response.ErrorCode!, message, request)
        {
            RecommendedAction = $"{request.DisplayName} failed with {response.ErrorCode}.{details}",
        };
    }

    /// <summary>The wait for <paramref name="request"/> passed its timeout.</summary>
    public static PhraseTmsAsyncOperationException TimedOut(AsyncRequest request, TimeSpan timeout, int polls) =>
        new(PhraseErrorKind.Timeout, TimeoutErrorId,
            $"{request.DisplayName} did not finish within {timeout.TotalSeconds:0.###} s ({polls} poll{(polls == 1 ? "" : "s")}). It goes on in Phrase TMS.",
            request)
        {
            RecommendedAction = $"Wait longer (-TimeoutSec), or check it later with Get-PhraseTmsAsyncRequest -Id {request.Id}.",
        };
}
