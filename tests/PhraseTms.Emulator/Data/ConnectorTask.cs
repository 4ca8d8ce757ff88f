namespace PhraseTms.Emulator;

/// <summary>One connector async task, exactly as GET /api2/v1/connectorAsyncTasks serves it (plus its project).
/// <see cref="JobUid"/> is null for DOWNLOAD tasks (the job does not exist yet), <see cref="DateProcessed"/> is null for
/// NEW and PAUSED tasks, <see cref="ErrorMessage"/> is set only for ERROR and CONVERTER_ERROR.</summary>
public sealed record ConnectorTask(
    string Id,
    string? JobUid,
    string Status,
    string TaskType,
    string TaskProcessingType,
    string JobFileName,
    string TargetLang,
    DateTimeOffset DateCreated,
    DateTimeOffset? DateProcessed,
    string? ErrorMessage,
    string ProjectUid);
