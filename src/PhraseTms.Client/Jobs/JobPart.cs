using Newtonsoft.Json;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.Jobs;

#pragma warning disable CA1707 // underscores: the API's names

/// <summary>Status of a job (part).</summary>
public enum JobStatus { NEW, ACCEPTED, DECLINED, REJECTED, DELIVERED, EMAILED, COMPLETED, CANCELLED }

/// <summary>
/// A created job (JobPartReference). <see cref="Status"/> is null for a status this version does not know;
/// <see cref="StatusText"/> holds what the API sent. <see cref="ProjectUid"/> is the project it was created in.
/// </summary>
public sealed class JobPart
{
    public string? Uid { get; set; }

    [JsonIgnore] public JobStatus? Status => ApiEnum.Parse<JobStatus>(StatusText);

    public string? TargetLang { get; set; }

    public string? Filename { get; set; }

    public WorkflowStepReference? WorkflowStep { get; set; }

    public int? WorkflowLevel { get; set; }

    public DateTimeOffset? DateDue { get; set; }

    public DateTimeOffset? DateCreated { get; set; }

    public DateTimeOffset? UpdateSourceDate { get; set; }

    public bool? Imported { get; set; }

    public bool? Continuous { get; set; }

    public List<ProviderReference> Providers { get; set; } = [];

    public int? NotificationIntervalInMinutes { get; set; }

    /// <summary>The email template reference, as the API sent it.</summary>
    public Dictionary<string, object?>? JobAssignedEmailTemplate { get; set; }

    public string? SourceFileUid { get; set; }

    public string? ProjectUid { get; set; }

    [JsonProperty("status")] public string? StatusText { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Uid} {StatusText} [{TargetLang}] {Filename}";
}

/// <summary>A workflow step as a job refers to it.</summary>
public sealed class WorkflowStepReference
{
    public string? Id { get; set; }
    public string? Uid { get; set; }
    public string? Name { get; set; }
    public int? Order { get; set; }
    public bool? LqaEnabled { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? "";
}
