using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace PhraseTms.Emulator;

/// <summary>The validated query of GET /api2/v1/connectorAsyncTasks. dateCreated/dateProcessed bounds: from inclusive,
/// to exclusive. Empty parameter values count as absent; taskType/taskProcessingType may be repeated and/or comma
/// separated.</summary>
internal sealed record ConnectorTaskQuery(
    string ProjectUid, TaskFilter Filter, DateTimeOffset CreatedFrom, DateTimeOffset CreatedTo, int PageNumber, int PageSize)
{
    public const int DefaultPageSize = 100, MaxPageSize = 1000;

    /// <summary>Parses and validates; on failure returns null and the InvalidArguments description.</summary>
    public static ConnectorTaskQuery? Parse(IQueryCollection q, DateTimeOffset now, out string? error)
    {
        error = null;
        var projectUid = First(q["projectUid"]);
        if (projectUid is null)
        {
            error = "projectUid: must not be null";
            return null;
        }
        if (!TryMask(q["taskType"], "taskType", TaskCatalog.TaskTypes, TaskCatalog.DocumentedTaskTypes, out var typeMask, ref error)
            || !TryMask(q["taskProcessingType"], "taskProcessingType", TaskCatalog.ProcessingTypes, TaskCatalog.ProcessingTypes.Length, out var procMask, ref error)
            || !TryDate(q, "dateCreatedFrom", out var createdFrom, ref error)
            || !TryDate(q, "dateCreatedTo", out var createdTo, ref error)
            || !TryDate(q, "dateProcessedFrom", out var processedFrom, ref error)
            || !TryDate(q, "dateProcessedTo", out var processedTo, ref error)
            || !TryInt(q, "pageNumber", 0, out var pageNumber, ref error)
            || !TryInt(q, "pageSize", DefaultPageSize, out var pageSize, ref error))
            return null;
        if (pageNumber < 0)
        {
            error = "pageNumber: must be greater than or equal to 0";
            return null;
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            error = "pageSize: must be between 1 and 1000";
            return null;
        }
        var filter = new TaskFilter(typeMask, procMask, processedFrom?.UtcTicks, processedTo?.UtcTicks);
        return new ConnectorTaskQuery(projectUid, filter, createdFrom ?? now - TimeSpan.FromHours(24), createdTo ?? now + TimeSpan.FromHours(1),
            pageNumber, pageSize);
    }

    private static string? First(StringValues values)
    {
        foreach (var v in values)
            if (!string.IsNullOrEmpty(v)) return v;
        return null;
    }

    private static bool TryMask(StringValues values, string name, string[] table, int accepted, out int mask, ref string? error)
    {
        mask = 0;
        foreach (var value in values)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var index = Array.IndexOf(table, part);
                if (index < 0 || index >= accepted)
                {
                    error = $"{name}: invalid value '{part}'; accepted values: {string.Join(", ", table.Take(accepted).Order(StringComparer.Ordinal))}";
                    return false;
                }
                mask |= 1 << index;
            }
        }
        return true;
    }

    private static bool TryDate(IQueryCollection q, string name, out DateTimeOffset? value, ref string? error)
    {
        value = null;
        var text = First(q[name]);
        if (text is null) return true;
        if (ApiDates.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        error = $"{name}: invalid date-time '{text}'; use ISO 8601, e.g. 2026-11-20T10:00:00Z";
        return false;
    }

    private static bool TryInt(IQueryCollection q, string name, int defaultValue, out int value, ref string? error)
    {
        value = defaultValue;
        var text = First(q[name]);
        if (text is null) return true;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        error = $"{name}: must be an integer";
        return false;
    }
}
