namespace PhraseTms.Emulator;

/// <summary>The connector tasks of one project, stored column-wise (a million tasks take about 35 MB) and kept in API
/// order: dateCreated descending, then id descending. Records are materialised only on demand.</summary>
internal sealed class TaskTable
{
    public const long NoDate = 0;
    public const short NoError = -1;

    private readonly long _seed;
    private long[]? _sortedIds;
    private int[]? _positions;

    public TaskTable(EmulatorProject project, long seed, int count, string[] fileNames)
    {
        Project = project;
        _seed = seed;
        Count = count;
        FileNames = fileNames;
        Ids = new long[count];
        Status = new byte[count];
        TaskType = new byte[count];
        ProcessingType = new byte[count];
        Lang = new byte[count];
        File = new ushort[count];
        Created = new long[count];
        Processed = new long[count];
        Error = new short[count];
        Items = new TaskItemCache(this);
        Filters = new TaskFilterIndex(this);
    }

    public EmulatorProject Project { get; }
    public int Count { get; }
    public string[] FileNames { get; }
    public long[] Ids { get; }
    public byte[] Status { get; }
    public byte[] TaskType { get; }
    public byte[] ProcessingType { get; }
    public byte[] Lang { get; }
    public ushort[] File { get; }
    /// <summary>dateCreated as UTC ticks.</summary>
    public long[] Created { get; }
    /// <summary>dateProcessed as UTC ticks, <see cref="NoDate"/> = null.</summary>
    public long[] Processed { get; }
    /// <summary>Index into <see cref="TaskCatalog.AllErrorMessages"/>, <see cref="NoError"/> = null.</summary>
    public short[] Error { get; }

    public TaskItemCache Items { get; }
    public TaskFilterIndex Filters { get; }

    public void Set(int i, long id, byte status, byte taskType, byte processingType, byte lang, ushort file,
        long createdTicks, long processedTicks, short error)
    {
        Ids[i] = id;
        Status[i] = status;
        TaskType[i] = taskType;
        ProcessingType[i] = processingType;
        Lang[i] = lang;
        File[i] = file;
        Created[i] = createdTicks;
        Processed[i] = processedTicks;
        Error[i] = error;
    }

    /// <summary>Reorders the rows into API order (dateCreated descending, then id descending).</summary>
    public void SortIntoApiOrder()
    {
        var order = new int[Count];
        for (var i = 0; i < Count; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = Created[b].CompareTo(Created[a]);
            return c != 0 ? c : Ids[b].CompareTo(Ids[a]);
        });
        Permute(Ids, order);
        Permute(Status, order);
        Permute(TaskType, order);
        Permute(ProcessingType, order);
        Permute(Lang, order);
        Permute(File, order);
        Permute(Created, order);
        Permute(Processed, order);
        Permute(Error, order);
    }

    private static void Permute<T>(T[] column, int[] order)
    {
        var copy = (T[])column.Clone();
        for (var i = 0; i < order.Length; i++) column[i] = copy[order[i]];
    }

    /// <summary>Builds the id lookup; call once the rows are final.</summary>
    public void BuildLookup()
    {
        var ids = (long[])Ids.Clone();
        var positions = new int[Count];
        for (var i = 0; i < Count; i++) positions[i] = i;
        Array.Sort(ids, positions);
        _sortedIds = ids;
        _positions = positions;
    }

    /// <summary>Row of the task with this id, or -1.</summary>
    public int IndexOf(long id)
    {
        var at = Array.BinarySearch(_sortedIds!, id);
        return at >= 0 ? _positions![at] : -1;
    }

    public string? JobUid(int i) => TaskType[i] == TaskCatalog.Download ? null : SplitMix.Uid(_seed, Ids[i]);

    public void WriteJobUid(int i, Span<char> destination) => SplitMix.WriteUid(_seed, Ids[i], destination);

    public ConnectorTask Get(int i) => new(
        Ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
        JobUid(i),
        TaskCatalog.Statuses[Status[i]],
        TaskCatalog.TaskTypes[TaskType[i]],
        TaskCatalog.ProcessingTypes[ProcessingType[i]],
        FileNames[File[i]],
        TaskCatalog.Languages[Lang[i]],
        new DateTimeOffset(Created[i], TimeSpan.Zero),
        Processed[i] == NoDate ? null : new DateTimeOffset(Processed[i], TimeSpan.Zero),
        Error[i] == NoError ? null : TaskCatalog.AllErrorMessages[Error[i]],
        Project.Uid);

    /// <summary>First row whose dateCreated is before <paramref name="ticks"/> (rows are in descending order).</summary>
    public int FirstCreatedBefore(long ticks)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Created[mid] < ticks) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>Same as <see cref="FirstCreatedBefore"/> over a subset of rows (ascending row numbers).</summary>
    public int FirstCreatedBefore(int[] rows, long ticks)
    {
        int lo = 0, hi = rows.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Created[rows[mid]] < ticks) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
