using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Connectors;

/// <summary>The filters of GET /api2/v1/connectorAsyncTasks, checked before any request.</summary>
public sealed record ConnectorAsyncTaskQuery
{
    /// <summary>The endpoint's largest page.</summary>
    public const int MaxPageSize = 1000;

    public required string ProjectUid { get; init; }
    public IReadOnlyList<ConnectorTaskType>? TaskTypes { get; init; }
    public IReadOnlyList<ConnectorTaskProcessingType>? TaskProcessingTypes { get; init; }
    public DateTimeOffset? DateCreatedFrom { get; init; }
    public DateTimeOffset? DateCreatedTo { get; init; }
    public DateTimeOffset? DateProcessedFrom { get; init; }
    public DateTimeOffset? DateProcessedTo { get; init; }

    /// <summary>Throws a <see cref="PhraseTmsValidationException"/> naming the bad parameter.</summary>
    public ConnectorAsyncTaskQuery Validate()
    {
        PathSegment.Uid(nameof(ProjectUid), ProjectUid);
        CheckDefined(nameof(TaskTypes), "TaskType", TaskTypes);
        CheckDefined(nameof(TaskProcessingTypes), "TaskProcessingType", TaskProcessingTypes);
        CheckRange("DateCreatedFrom", DateCreatedFrom, "DateCreatedTo", DateCreatedTo);
        CheckRange("DateProcessedFrom", DateProcessedFrom, "DateProcessedTo", DateProcessedTo);
        return this;
    }

    /// <summary>Adds the filters to a call as the API names them (lists as repeated parameters, dates as UTC ISO 8601).</summary>
    internal ApiCall ApplyTo(ApiCall call) => call
        .Query("projectUid", ProjectUid)
        .Query("taskType", TaskTypes?.Select(t => t.ToString()))
        .Query("taskProcessingType", TaskProcessingTypes?.Select(t => t.ToString()))
        .Query("dateCreatedFrom", DateCreatedFrom)
        .Query("dateCreatedTo", DateCreatedTo)
        .Query("dateProcessedFrom", DateProcessedFrom)
        .Query("dateProcessedTo", DateProcessedTo);

    private static void CheckDefined<TEnum>(string property, string parameter, IReadOnlyList<TEnum>? values) where TEnum : struct, Enum
    {
        foreach (var v in values ?? [])
            if (!Enum.IsDefined(v))
                throw new PhraseTmsValidationException("InvalidEnumValue", parameter, v,
                    $"-{parameter} '{v}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    private static void CheckRange(string fromName, DateTimeOffset? from, string toName, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && f > t)
            throw new PhraseTmsValidationException("InvalidDateRange", fromName, f,
                $"-{fromName} ({f:u}) is after -{toName} ({t:u}).");
    }
}
