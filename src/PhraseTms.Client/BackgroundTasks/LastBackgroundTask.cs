using Newtonsoft.Json;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.BackgroundTasks;

/// <summary>Whose last background task: a translation memory or a term base.</summary>
public enum BackgroundTaskKind { TranslationMemory, TermBase }

#pragma warning disable CA1707
/// <summary>Status of a background task as the API writes it (not documented: unknown values give null).</summary>
public enum BackgroundTaskStatus { RUNNING, OK, ERROR }
#pragma warning restore CA1707

/// <summary>
/// The last background task (import, export …) of a translation memory or term base (BackgroundTasksTmDto /
/// BackgroundTasksTbDto). A resource that never ran one answers with every field null: <see cref="HasRun"/> is false.
/// </summary>
public abstract class LastBackgroundTask
{
    [JsonIgnore] public abstract BackgroundTaskKind Kind { get; }

    /// <summary>The TM or term base UID.</summary>
    [JsonIgnore] public abstract string? ResourceUid { get; }

    [JsonIgnore] public BackgroundTaskStatus? Status => ApiEnum.Parse<BackgroundTaskStatus>(StatusText);

    /// <summary>"true" / "false" as sent, read as a boolean (null while running or never run).</summary>
    [JsonIgnore] public bool? LastTaskOk => bool.TryParse(LastTaskOkText, out var ok) ? ok : null;

    /// <summary>False when the API reports no background task at all.</summary>
    [JsonIgnore] public bool HasRun => StatusText is not null || AsyncRequest is not null;

    public string? LastTaskString { get; set; }

    public string? LastTaskError { get; set; }

    public string? LastTaskErrorHtml { get; set; }

    public string? FinishedDataText { get; set; }

    public BackgroundTaskMetadata? Metadata { get; set; }

    public AsyncRequest? AsyncRequest { get; set; }

    /// <summary>The async request's id (binds to Wait-PhraseTmsAsyncRequest by property name).</summary>
    [JsonIgnore] public string? AsyncRequestId => AsyncRequest?.Id;

    [JsonProperty("status")] public string? StatusText { get; set; }

    [JsonProperty("lastTaskOk")] public string? LastTaskOkText { get; set; }

    /// <inheritdoc />
    public override string ToString() => HasRun ? $"{ResourceUid} {StatusText} {LastTaskString}" : $"{ResourceUid} (no background task)";
}

/// <summary>The last background task of a translation memory.</summary>
public sealed class TransMemoryBackgroundTask : LastBackgroundTask
{
    public override BackgroundTaskKind Kind => BackgroundTaskKind.TranslationMemory;
    public override string? ResourceUid => TransMemoryUid;
    public string? TransMemoryUid { get; set; }
}

/// <summary>The last background task of a term base.</summary>
public sealed class TermBaseBackgroundTask : LastBackgroundTask
{
    public override BackgroundTaskKind Kind => BackgroundTaskKind.TermBase;
    public override string? ResourceUid => TermBaseUid;
    public string? TermBaseUid { get; set; }
}

/// <summary>What a finished import reported: totals and counts per language.</summary>
public sealed class BackgroundTaskMetadata
{
    public long? SegmentsCount { get; set; }

    public long? DeduplicatedSegmentsCount { get; set; }

    /// <summary>Per language, as sent: <c>{"en": {"segmentsCount": 6240}}</c>.</summary>
    public Dictionary<string, LanguageMetadata> MetadataByLanguage { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Segments per language, e.g. <c>$m.SegmentsCountByLanguage['de']</c>.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, long?> SegmentsCountByLanguage =>
        MetadataByLanguage.ToDictionary(kv => kv.Key, kv => kv.Value?.SegmentsCount, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{SegmentsCount} segments ({DeduplicatedSegmentsCount} deduplicated)";
}

/// <summary>Metadata of one language.</summary>
public sealed class LanguageMetadata
{
    public long? SegmentsCount { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{SegmentsCount}";
}
