using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Jobs;

/// <summary>
/// The body of job creation (JobCreateRequestDto). <see cref="Validate"/> checks it as the API would, naming the
/// cmdlet parameter (and the nested key) at fault, so a bad value never reaches the server.
/// </summary>
public sealed class JobCreateRequest
{
    public const int MaxPathLength = 255;

    /// <summary>Required: at least one target language.</summary>
    public List<string> TargetLangs { get; set; } = [];

    /// <summary>Projects without workflow only; otherwise set it in <see cref="WorkflowSettings"/>. Sent as UTC.</summary>
    public DateTimeOffset? Due { get; set; }

    public List<WorkflowStepConfiguration>? WorkflowSettings { get; set; }

    /// <summary>Projects without workflow only; otherwise set them in <see cref="WorkflowSettings"/>.</summary>
    public List<ProvidersPerLanguage>? Assignments { get; set; }

    public UidReference? ImportSettings { get; set; }

    public bool? UseProjectFileImportSettings { get; set; }

    public bool? PreTranslate { get; set; }

    public bool? SemanticMarkup { get; set; }

    public NotifyProvider? NotifyProvider { get; set; }

    public string? CallbackUrl { get; set; }

    /// <summary>At most 255 characters.</summary>
    public string? Path { get; set; }

    public JobCreateRemoteFile? RemoteFile { get; set; }

    public UidReference? JobPreviewPackageFileUidRef { get; set; }

    public UidReference? XmlAssistantProfile { get; set; }

    /// <summary>Throws a <see cref="PhraseTmsValidationException"/> for the first bad value.</summary>
    public JobCreateRequest Validate()
    {
        if (TargetLangs is null || TargetLangs.Count == 0)
            throw Invalid("EmptyTargetLang", "TargetLang", null, "-TargetLang must name at least one target language.");
        foreach (var lang in TargetLangs)
            if (string.IsNullOrWhiteSpace(lang))
                throw Invalid("InvalidTargetLang", "TargetLang", lang, "-TargetLang must not contain an empty language code.");
        if (Path is { Length: > MaxPathLength })
            throw Invalid("PathTooLong", "Path", Path, $"-Path is {Path.Length} characters long; at most {MaxPathLength} are allowed.");
        if (CallbackUrl is not null && !(Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            throw Invalid("InvalidCallbackUrl", "CallbackUrl", CallbackUrl, $"-CallbackUrl '{CallbackUrl}' is not an absolute http(s) URL.");

        CheckNotify(NotifyProvider, "NotifyProvider");
        Each(WorkflowSettings, "WorkflowSetting", (step, at) =>
        {
            if (step.Assignments is null)
                throw Invalid("MissingAssignments", $"{at}.Assignments", null, $"-{at} needs Assignments (an empty list is allowed).");
            Each(step.Assignments, $"{at}.Assignments", CheckAssignment);
            CheckNotify(step.NotifyProvider, $"{at}.NotifyProvider");
        });
        Each(Assignments, "Assignment", CheckAssignment);
        CheckUid(ImportSettings, "ImportSettingsUid");
        CheckUid(JobPreviewPackageFileUidRef, "JobPreviewPackageFileUid");
        CheckUid(XmlAssistantProfile, "XmlAssistantProfileUid");
        if (RemoteFile is { } remote)
        {
            // The connector token is a secret: never echoed.
            if (string.IsNullOrWhiteSpace(remote.ConnectorToken))
                throw Invalid("MissingRemoteFileField", "RemoteFile.ConnectorToken", null, "-RemoteFile needs a ConnectorToken.");
            if (string.IsNullOrWhiteSpace(remote.RemoteFileName))
                throw Invalid("MissingRemoteFileField", "RemoteFile.RemoteFileName", null, "-RemoteFile needs a RemoteFileName (a file name or a regular expression).");
        }
        return this;
    }

    private static void CheckAssignment(ProvidersPerLanguage assignment, string at)
    {
        Each(assignment.Providers, $"{at}.Providers", (p, pat) =>
        {
            if (string.IsNullOrWhiteSpace(p.Type))
                throw Invalid("MissingProviderType", $"{pat}.Type", p.Type, $"-{pat} needs a Type (USER, VENDOR …).");
        });
        Each(assignment.AssignedUsers, $"{at}.AssignedUsers", (u, uat) =>
        {
            if (u.Id is null)
                throw Invalid("MissingAssignedUserId", $"{uat}.Id", null, $"-{uat} needs an Id.");
        });
    }

    private static void CheckNotify(NotifyProvider? notify, string at)
    {
        if (notify is null) return;
        if (string.IsNullOrWhiteSpace(notify.OrganizationEmailTemplate?.Id))
            throw Invalid("MissingEmailTemplate", $"{at}.OrganizationEmailTemplate", null, $"-{at} needs an OrganizationEmailTemplate id.");
        if (notify.NotificationIntervalInMinutes is { } minutes and (< 0 or > NotifyProvider.MaxIntervalInMinutes))
            throw Invalid("InvalidNotificationInterval", $"{at}.NotificationIntervalInMinutes", minutes,
                $"-{at}.NotificationIntervalInMinutes {minutes} must be between 0 and {NotifyProvider.MaxIntervalInMinutes}.");
    }

    private static void CheckUid(UidReference? reference, string parameter)
    {
        if (reference is not null && string.IsNullOrWhiteSpace(reference.Uid))
            throw Invalid("EmptyIdentifier", parameter, reference.Uid, $"-{parameter} must not be empty.");
    }

    private static void Each<T>(List<T>? items, string at, Action<T, string> check) where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var path = $"{at}[{i}]";
            if (items![i] is not { } item) throw Invalid("NullElement", path, null, $"-{path} must not be null.");
            check(item, path);
        }
    }

    private static PhraseTmsValidationException Invalid(string errorId, string parameter, object? value, string message) =>
        new(errorId, parameter, value, message);
}
