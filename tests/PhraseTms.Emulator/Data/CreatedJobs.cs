namespace PhraseTms.Emulator;

/// <summary>What one successful POST .../jobs/connectorTask created.</summary>
public sealed record CreatedJobs(
    string ProjectUid,
    string DownloadTaskId,
    bool Continuous,
    string RequestBody,
    IReadOnlyList<string> TargetLangs,
    IReadOnlyList<string> JobUids,
    IReadOnlyList<string> UnsupportedFiles,
    string AsyncRequestId,
    DateTimeOffset DateCreated);
