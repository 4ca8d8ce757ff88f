using System.Management.Automation;
using PhraseTms.Client.Errors;

namespace PhraseTms.Infrastructure;

/// <summary>The one mapping from client errors to PowerShell error records.</summary>
public static class ErrorMapping
{
    /// <summary>The ErrorCategory of a kind of failure.</summary>
    public static ErrorCategory ToCategory(PhraseErrorKind kind) => kind switch
    {
        PhraseErrorKind.Authentication => ErrorCategory.AuthenticationError,
        PhraseErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        PhraseErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        PhraseErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        PhraseErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        PhraseErrorKind.Connection => ErrorCategory.ConnectionError,
        PhraseErrorKind.InvalidResult => ErrorCategory.InvalidResult,
        PhraseErrorKind.Timeout => ErrorCategory.OperationTimeout,
        PhraseErrorKind.OperationFailed => ErrorCategory.InvalidResult,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>An error record: ErrorId = Phrase errorCode (or the client's id), the category, the input as target.</summary>
    public static ErrorRecord ToErrorRecord(PhraseTmsException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, ToCategory(exception.Kind),
            exception is PhraseTmsValidationException v ? v.Value ?? target : target);
        if (exception.RecommendedAction is { } action)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = action };
        return record;
    }

    /// <summary>The terminating error of a cmdlet run without a session.</summary>
    public static ErrorRecord NotConnected() => new(
        new PhraseTmsException(PhraseErrorKind.Authentication, NotConnectedErrorId,
            "Not connected to Phrase TMS. Run Connect-PhraseTms first (or pass -Session).")
        { RecommendedAction = "Run Connect-PhraseTms." },
        NotConnectedErrorId, ErrorCategory.AuthenticationError, null);

    public const string NotConnectedErrorId = "NotConnected";
}
