namespace PhraseTms.Emulator;

/// <summary>A translation memory (IMPORT_TMX) or term base (IMPORT_TBX) and its last background task.
/// <see cref="LastAsyncRequestId"/> is null when no background task ever ran.</summary>
public sealed record BackgroundTaskResource(
    string Uid,
    string Name,
    bool IsTermBase,
    string? LastAsyncRequestId,
    string? LastTaskString,
    BackgroundTaskMetadata? Metadata,
    string? FinishedDataText,
    string? LastTaskError,
    string? LastTaskErrorHtml);

/// <summary>metadata of a finished import: totals and segmentsCount per language.</summary>
public sealed record BackgroundTaskMetadata(
    long SegmentsCount, long DeduplicatedSegmentsCount, IReadOnlyDictionary<string, long> SegmentsCountByLanguage);
