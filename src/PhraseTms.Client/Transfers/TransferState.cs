using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Transfers;

/// <summary>What the pipeline needs to know about a call that is a transfer (set by <see cref="TransfersApi"/>).</summary>
internal sealed class TransferState
{
    /// <summary>" of the file 'a.docx' (12 MB)", appended to the method in the not-re-sent error; "" for downloads.</summary>
    public string Subject { get; init; } = "";

    /// <summary>Where a successful answer's body goes (downloads); null for uploads.</summary>
    public IResponseSink? Sink { get; init; }

    /// <summary>The timeout of one attempt (a transfer may take long; cancellation stops it at once).</summary>
    public TimeSpan Timeout { get; init; }

    /// <summary>The error of a one-shot call that may have been answered: it must be requested again.</summary>
    public static PhraseTmsApiException OneShotFailed(ApiCall call, PhraseTmsApiException error) =>
        new(error.Kind, error.ErrorId,
            $"{error.Message} This download can be fetched only once and was NOT retried: request the download again (start a new asynchronous request) and download its new result.",
            call.Info, error.StatusCode, error.ErrorCode, error.ErrorDescription, error.InnerException)
        {
            MayHaveReachedServer = true,
            RecommendedAction = "Request the download again (a new asynchronous request), then download its result.",
        };
}
