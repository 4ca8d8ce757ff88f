using Newtonsoft.Json;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.Connectors;

/// <summary>
/// A connector asynchronous task (an item of GET /api2/v1/connectorAsyncTasks). Enum properties are null when the API
/// sends a value this version does not know; the <c>…Text</c> properties always hold what the API sent.
/// <see cref="ProjectUid"/> and <see cref="ProjectName"/> come from the page, so the object binds to later cmdlets by name.
/// </summary>
public sealed class ConnectorAsyncTask
{
    /// <summary>The task id; for a DOWNLOAD task, the downloadTaskId of New-JobFromConnectorTask.</summary>
    public string? Id { get; set; }

    public string? JobUid { get; set; }

    [JsonIgnore] public ConnectorTaskStatus? Status => ApiEnum.Parse<ConnectorTaskStatus>(StatusText);

    [JsonIgnore] public ConnectorTaskType? TaskType => ApiEnum.Parse<ConnectorTaskType>(TaskTypeText);

    [JsonIgnore] public ConnectorTaskProcessingType? TaskProcessingType => ApiEnum.Parse<ConnectorTaskProcessingType>(TaskProcessingTypeText);

    public string? JobFileName { get; set; }

    public string? TargetLang { get; set; }

    public DateTimeOffset? DateCreated { get; set; }

    public DateTimeOffset? DateProcessed { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ProjectUid { get; set; }

    public string? ProjectName { get; set; }

    [JsonProperty("status")] public string? StatusText { get; set; }

    [JsonProperty("taskType")] public string? TaskTypeText { get; set; }

    [JsonProperty("taskProcessingType")] public string? TaskProcessingTypeText { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {StatusText} {TaskTypeText} {JobFileName} [{TargetLang}]";
}

/// <summary>A page of GET /api2/v1/connectorAsyncTasks: the usual page fields plus the project and counts.</summary>
public sealed class ConnectorAsyncTaskPage : Paging.Page<ConnectorAsyncTask>
{
    public string? ProjectUid { get; set; }
    public string? ProjectName { get; set; }
    public int ErrorCount { get; set; }
    public int SuccessCount { get; set; }
}
