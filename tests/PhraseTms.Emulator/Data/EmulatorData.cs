using System.Collections.Concurrent;
using System.Globalization;

namespace PhraseTms.Emulator;

/// <summary>Everything the emulator serves. Seeded deterministically from <see cref="EmulatorOptions.Seed"/> and
/// <see cref="Now"/>; async requests and created jobs grow as clients call the API.</summary>
public sealed class EmulatorData
{
    private readonly Dictionary<string, TaskTable> _tables;
    private readonly ConcurrentDictionary<string, AsyncRequest> _asyncRequests = new();
    private readonly ConcurrentQueue<CreatedJobs> _createdJobs = new();
    private readonly Lazy<IReadOnlyList<ConnectorTask>> _downloadTasks;
    private long _nextAsyncId = 9100000;
    private long _nextUid;

    internal EmulatorData(int seed, DateTimeOffset now, IReadOnlyList<EmulatorProject> projects, IEnumerable<TaskTable> tables,
        IReadOnlyList<EmulatorUser> users, IReadOnlyList<BackgroundTaskResource> transMemories,
        IReadOnlyList<BackgroundTaskResource> termBases, IEnumerable<AsyncRequest> asyncRequests, OrganizationData organization)
    {
        Organization = organization;
        Seed = seed;
        Now = now;
        Projects = projects;
        _tables = tables.ToDictionary(t => t.Project.Uid, StringComparer.Ordinal);
        ConnectorTasks = projects.ToDictionary(p => p.Uid,
            p => _tables.TryGetValue(p.Uid, out var t) ? new TaskListView(t) : (IReadOnlyList<ConnectorTask>)Array.Empty<ConnectorTask>(),
            StringComparer.Ordinal);
        Users = users;
        TransMemories = transMemories;
        TermBases = termBases;
        foreach (var a in asyncRequests) _asyncRequests[a.Id] = a;
        _downloadTasks = new Lazy<IReadOnlyList<ConnectorTask>>(() => _tables.Values
            .Where(t => t.Project.Uid != SeedIds.BenchProject)
            .SelectMany(t => Enumerable.Range(0, t.Count)
                .Where(i => t.TaskType[i] == TaskCatalog.Download && t.Status[i] == TaskCatalog.Success)
                .Select(t.Get))
            .ToArray());
    }

    public int Seed { get; }

    /// <summary>The anchor of seeded dates (UTC, whole seconds).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The projects that hold connector tasks (the project routes serve <see cref="Organization"/>.Projects).</summary>
    public IReadOnlyList<EmulatorProject> Projects { get; }

    /// <summary>Projects with their jobs, translation memories, term bases, users, project templates and connectors as the
    /// core-area routes serve them (see README.md, "Core areas").</summary>
    public OrganizationData Organization { get; }

    /// <summary>Tasks per project uid, in API order (dateCreated descending, then id descending). Every project has an entry.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ConnectorTask>> ConnectorTasks { get; }

    public IReadOnlyList<EmulatorUser> Users { get; }

    public IReadOnlyList<BackgroundTaskResource> TransMemories { get; }

    public IReadOnlyList<BackgroundTaskResource> TermBases { get; }

    /// <summary>Snapshot of every async request (seeded and created), ordered by id.</summary>
    public IReadOnlyList<AsyncRequest> AsyncRequests =>
        _asyncRequests.Values.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Tasks usable to create jobs (taskType DOWNLOAD, status SUCCESS) of every project except benchProject01
    /// (whose DOWNLOAD/SUCCESS tasks are usable too, just not listed here).</summary>
    public IReadOnlyList<ConnectorTask> DownloadTasks => _downloadTasks.Value;

    /// <summary>Snapshot of the successful job creations, in order.</summary>
    public IReadOnlyList<CreatedJobs> CreatedJobs => _createdJobs.ToArray();

    /// <summary>Uploads received and files served by the transfer routes (Routes/TransferRoutes.cs).</summary>
    public TransferData Transfers { get; } = new();

    public EmulatorProject? FindProject(string uid) => Projects.FirstOrDefault(p => p.Uid == uid);

    public ConnectorTask? FindTask(string id) => FindTaskRow(id) is var (t, i) && t is not null ? t.Get(i) : null;

    public AsyncRequest? FindAsyncRequest(string id) => _asyncRequests.TryGetValue(id, out var a) ? a : null;

    public BackgroundTaskResource? FindTransMemory(string uid) => TransMemories.FirstOrDefault(t => t.Uid == uid);

    public BackgroundTaskResource? FindTermBase(string uid) => TermBases.FirstOrDefault(t => t.Uid == uid);

    internal TaskTable? Table(string projectUid) => _tables.TryGetValue(projectUid, out var t) ? t : null;

    internal (TaskTable? Table, int Row) FindTaskRow(string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return (null, -1);
        foreach (var t in _tables.Values)
        {
            var row = t.IndexOf(n);
            if (row >= 0) return (t, row);
        }
        return (null, -1);
    }

    internal AsyncRequest AddAsyncRequest(string action, DateTimeOffset now, UserAccount createdBy, EmulatorProject? project,
        AsyncOutcome outcome, int pollsToFinish)
    {
        var id = Interlocked.Increment(ref _nextAsyncId).ToString(CultureInfo.InvariantCulture);
        var request = new AsyncRequest(id, action, EmulatorClock.TruncateToSecond(now), createdBy, project, outcome,
            Math.Max(0, pollsToFinish), neverFinishes: false, dateFinished: null);
        _asyncRequests[id] = request;
        return request;
    }

    internal void AddCreatedJobs(CreatedJobs created) => _createdJobs.Enqueue(created);

    /// <summary>A deterministic uid-like string (same seed, same sequence of calls, same uids).</summary>
    internal string NextUid(int length = 22) => SplitMix.Uid(Seed ^ 0x5EED, Interlocked.Increment(ref _nextUid), length);
}
