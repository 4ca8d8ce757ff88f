using Newtonsoft.Json;

namespace PhraseTms.Client.Jobs;

// The nested pieces of JobCreateRequestDto. Each has a public parameterless constructor (hashtables map onto it,
// see Serialization/DictionaryMapper) and convenient ones for PowerShell's ::new(). JSON names are the API's.

/// <summary>A provider of a target language (ProviderReference): <see cref="Type"/> (USER, VENDOR …) and id.</summary>
public sealed class ProviderReference
{
    public ProviderReference() { }

    public ProviderReference(string type, string id)
    {
        Type = type;
        Id = id;
    }

    /// <summary>A user, by id.</summary>
    public static ProviderReference User(string id) => new("USER", id);

    /// <summary>A vendor, by id.</summary>
    public static ProviderReference Vendor(string id) => new("VENDOR", id);

    /// <summary>USER, VENDOR … (an open set: required).</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    /// <summary>Set by the API in answers (read-only).</summary>
    [JsonProperty] public string? Uid { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Id}";
}

/// <summary>A user assigned by id (<c>{"id": 123}</c>).</summary>
public sealed class AssignedUser
{
    public AssignedUser() { }

    public AssignedUser(long id) => Id = id;

    public long? Id { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}";
}

/// <summary>Who works on one target language (ProvidersPerLanguage).</summary>
public sealed class ProvidersPerLanguage
{
    public ProvidersPerLanguage() { }

    public ProvidersPerLanguage(string targetLang, params ProviderReference[] providers)
    {
        TargetLang = targetLang;
        Providers = [.. providers];
    }

    public string? TargetLang { get; set; }

    public List<ProviderReference>? Providers { get; set; }

    public List<AssignedUser>? AssignedUsers { get; set; }
}

/// <summary>Settings of one workflow step (WorkflowStepConfiguration): its id, assignments (required), due date, notification.</summary>
public sealed class WorkflowStepConfiguration
{
    public WorkflowStepConfiguration() { }

    public WorkflowStepConfiguration(string id, params ProvidersPerLanguage[] assignments)
    {
        Id = id;
        Assignments = [.. assignments];
    }

    /// <summary>The workflow step id.</summary>
    public string? Id { get; set; }

    public List<ProvidersPerLanguage>? Assignments { get; set; }

    /// <summary>Sent as UTC ISO 8601.</summary>
    public DateTimeOffset? Due { get; set; }

    public NotifyProvider? NotifyProvider { get; set; }
}

/// <summary>Notify the assigned providers (NotifyProviderDto): an email template (required) and an interval of 0–1440
/// minutes (0 or none: notify everyone at once).</summary>
public sealed class NotifyProvider
{
    public const int MaxIntervalInMinutes = 1440;

    public NotifyProvider() { }

    public NotifyProvider(string organizationEmailTemplateId) => OrganizationEmailTemplate = new IdReference(organizationEmailTemplateId);

    public NotifyProvider(string organizationEmailTemplateId, int notificationIntervalInMinutes) : this(organizationEmailTemplateId) =>
        NotificationIntervalInMinutes = notificationIntervalInMinutes;

    public IdReference? OrganizationEmailTemplate { get; set; }

    public int? NotificationIntervalInMinutes { get; set; }
}

/// <summary>A remote file to create the job from (JobCreateRemoteFileDto); connector token and file name are required.</summary>
public sealed class JobCreateRemoteFile
{
    public JobCreateRemoteFile() { }

    public JobCreateRemoteFile(string connectorToken, string remoteFolder, string remoteFileName)
    {
        ConnectorToken = connectorToken;
        RemoteFolder = remoteFolder;
        RemoteFileName = remoteFileName;
    }

    public string? ConnectorToken { get; set; }

    public string? RemoteFolder { get; set; }

    /// <summary>A file name, or a regular expression when <see cref="RemoteFileNameRegex"/> is true.</summary>
    public string? RemoteFileName { get; set; }

    public bool? RemoteFileNameRegex { get; set; }

    public bool? Continuous { get; set; }
}

/// <summary><c>{"uid": "..."}</c>.</summary>
public sealed class UidReference
{
    public UidReference() { }

    public UidReference(string uid) => Uid = uid;

    public string? Uid { get; set; }

    /// <inheritdoc />
    public override string ToString() => Uid ?? "";
}

/// <summary><c>{"id": "..."}</c>.</summary>
public sealed class IdReference
{
    public IdReference() { }

    public IdReference(string id) => Id = id;

    public string? Id { get; set; }

    /// <inheritdoc />
    public override string ToString() => Id ?? "";
}
