using System.Collections.Concurrent;

namespace PhraseTms.Emulator;

/// <summary>The non-date-created filters of a connectorAsyncTasks query. Masks are bit sets over
/// <see cref="TaskCatalog.TaskTypes"/> / <see cref="TaskCatalog.ProcessingTypes"/>, 0 = no filter.
/// dateProcessed bounds are UTC ticks, from inclusive, to exclusive; tasks without dateProcessed never match them.</summary>
internal readonly record struct TaskFilter(int TaskTypeMask, int ProcessingTypeMask, long? ProcessedFrom, long? ProcessedTo)
{
    public bool IsEmpty => TaskTypeMask == 0 && ProcessingTypeMask == 0 && ProcessedFrom is null && ProcessedTo is null;
}

/// <summary>Row lists (ascending, so still in API order) matching a <see cref="TaskFilter"/>, computed once per filter.
/// dateCreated bounds are not part of the key: rows are sorted by dateCreated, so they are applied by binary search.</summary>
internal sealed class TaskFilterIndex(TaskTable table)
{
    private const int MaxCachedFilters = 256;
    private readonly ConcurrentDictionary<TaskFilter, int[]> _cache = new();

    /// <summary>The matching rows, or null when the filter is empty (every row matches).</summary>
    public int[]? Rows(TaskFilter filter)
    {
        if (filter.IsEmpty) return null;
        if (_cache.TryGetValue(filter, out var rows)) return rows;
        if (_cache.Count >= MaxCachedFilters) _cache.Clear();
        return _cache.GetOrAdd(filter, Build);
    }

    private int[] Build(TaskFilter f)
    {
        var result = new List<int>();
        long from = f.ProcessedFrom ?? long.MinValue, to = f.ProcessedTo ?? long.MaxValue;
        var byProcessed = f.ProcessedFrom is not null || f.ProcessedTo is not null;
        for (var i = 0; i < table.Count; i++)
        {
            if (f.TaskTypeMask != 0 && (f.TaskTypeMask & (1 << table.TaskType[i])) == 0) continue;
            if (f.ProcessingTypeMask != 0 && (f.ProcessingTypeMask & (1 << table.ProcessingType[i])) == 0) continue;
            if (byProcessed)
            {
                var p = table.Processed[i];
                if (p == TaskTable.NoDate || p < from || p >= to) continue;
            }
            result.Add(i);
        }
        return result.ToArray();
    }
}
