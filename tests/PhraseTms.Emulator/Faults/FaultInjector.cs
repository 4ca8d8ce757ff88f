namespace PhraseTms.Emulator;

/// <summary>Faults to inject, matched in insertion order. For each API request, the faults whose method and path match
/// and which are not used up are considered in turn: one still skipping (fewer than SkipFirst requests let through)
/// counts the request as let through and the next fault is considered; the first one not skipping is applied (its Times
/// decreases) and no other fault is considered. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly object _lock = new();
    private readonly List<Entry> _entries = [];
    private int _triggered;

    /// <summary>Adds a fault for requests with this method (case-insensitive; "*" or "" = any) whose path (with or without
    /// the /web prefix) contains <paramref name="pathContains"/> (case-insensitive; "" = any API route).</summary>
    public void Add(string method, string pathContains, Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Times <= 0) throw new ArgumentOutOfRangeException(nameof(fault), "Times must be positive");
        if (fault.SkipFirst < 0) throw new ArgumentOutOfRangeException(nameof(fault), "SkipFirst must not be negative");
        lock (_lock) _entries.Add(new Entry(method ?? "", pathContains ?? "", fault));
    }

    /// <summary>Removes every fault (the Triggered count is kept).</summary>
    public void Clear() { lock (_lock) _entries.Clear(); }

    /// <summary>How many requests a fault has been applied to, in all.</summary>
    public int Triggered { get { lock (_lock) return _triggered; } }

    /// <summary>The faults still registered, with how often each was applied and skipped.</summary>
    public IReadOnlyList<(string Method, string PathContains, Fault Fault, int Applied, int Skipped)> Snapshot()
    {
        lock (_lock) return _entries.Select(e => (e.Method, e.PathContains, e.Fault, e.Applied, e.Skipped)).ToArray();
    }

    internal Fault? Match(string method, string path)
    {
        var shortPath = path.StartsWith("/web/", StringComparison.Ordinal) ? path[4..] : path;
        lock (_lock)
        {
            foreach (var e in _entries)
            {
                if (e.Applied >= e.Fault.Times) continue;
                if (!RequestJournal.Matches(method, path, e.Method, e.PathContains)
                    && !RequestJournal.Matches(method, shortPath, e.Method, e.PathContains)) continue;
                if (e.Skipped < e.Fault.SkipFirst)
                {
                    e.Skipped++;
                    continue;
                }
                e.Applied++;
                _triggered++;
                return e.Fault;
            }
        }
        return null;
    }

    private sealed class Entry(string method, string pathContains, Fault fault)
    {
        public string Method { get; } = method;
        public string PathContains { get; } = pathContains;
        public Fault Fault { get; } = fault;
        public int Applied { get; set; }
        public int Skipped { get; set; }
    }
}
