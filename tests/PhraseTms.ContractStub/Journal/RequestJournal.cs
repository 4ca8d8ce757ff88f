using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Journal;

/// <summary>The requests in arrival order; safe for concurrent requests.</summary>
public sealed class RequestJournal
{
    private readonly List<JournalEntry> _entries = [];

    public JournalEntry Add(string method, string rawTarget, string operation, IReadOnlyList<Violation> violations,
        int status, string? responseBody)
    {
        lock (_entries)
        {
            var entry = new JournalEntry(_entries.Count + 1, method, rawTarget, operation, violations, status, responseBody);
            _entries.Add(entry);
            return entry;
        }
    }

    public IReadOnlyList<JournalEntry> Entries
    {
        get { lock (_entries) return _entries.ToArray(); }
    }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }
}
