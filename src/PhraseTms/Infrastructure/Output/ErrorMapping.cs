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

    /// <summary>The terminating error of a cmdlet run without a session (or with a -Session that has been disconnected).</summary>
    public static ErrorRecord NotConnected(bool sessionGiven = false) => ToErrorRecord(
        new PhraseTmsException(PhraseErrorKind.Authentication, NotConnectedErrorId, sessionGiven
            ? "The session given with -Session has been disconnected (Disconnect-PhraseTms or a later Connect-PhraseTms). Run Connect-PhraseTms -PassThru for a new one."
            : "Not connected to Phrase TMS. Run Connect-PhraseTms first (or pass -Session).")
        { RecommendedAction = "Run Connect-PhraseTms." },
        null);

    public const string NotConnectedErrorId = "NotConnected";

    public const string InternalErrorId = "InternalError";

    /// <summary>
    /// True for an exception that is neither the client's (<see cref="PhraseTmsException"/>) nor PowerShell's own (a
    /// Stop preference, a stopped pipeline, a terminating error already recorded: all <see cref="RuntimeException"/>s).
    /// </summary>
    public static bool IsUnexpected(Exception exception) => exception is not (PhraseTmsException or RuntimeException);

    /// <summary>An exception nobody expected, as the module's own terminating error (the original kept as inner exception).</summary>
    public static ErrorRecord Unexpected(Exception exception, object? target) => new(
        new PhraseTmsException(PhraseErrorKind.InvalidResult, InternalErrorId,
            $"PhraseTms failed unexpectedly ({exception.GetType().Name}: {exception.Message}). Please report this.", inner: exception),
        InternalErrorId, ErrorCategory.NotSpecified, target);
}
