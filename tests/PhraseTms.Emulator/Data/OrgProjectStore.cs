namespace PhraseTms.Emulator;

/// <summary>The projects of the demo organization: seeded ones, plus those created through the API; deleted ones are
/// gone. Thread-safe; lists are snapshots in creation order.</summary>
public sealed class OrgProjectStore
{
    private readonly object _lock = new();
    private readonly List<OrgProject> _projects;
    private int _lastInternalId;

    internal OrgProjectStore(IEnumerable<OrgProject> seeded)
    {
        _projects = seeded.ToList();
        _lastInternalId = _projects.Count == 0 ? 0 : _projects.Max(p => p.InternalId);
    }

    public IReadOnlyList<OrgProject> All { get { lock (_lock) return _projects.ToArray(); } }

    public OrgProject? Find(string uid)
    {
        lock (_lock) return _projects.FirstOrDefault(p => p.Uid == uid);
    }

    /// <summary>Adds a project; <paramref name="create"/> gets the next internal id.</summary>
    internal OrgProject Add(Func<int, OrgProject> create)
    {
        lock (_lock)
        {
            var project = create(++_lastInternalId);
            _projects.Add(project);
            return project;
        }
    }

    internal bool Remove(string uid)
    {
        lock (_lock) return _projects.RemoveAll(p => p.Uid == uid) > 0;
    }
}
