namespace PhraseTms.Emulator;

/// <summary>An error detail or warning inside an async response: {code, args, message}.</summary>
public sealed record AsyncErrorDetail(string Code, IReadOnlyDictionary<string, string> Args, string Message);

/// <summary>How an async request ends: errorCode null = success.</summary>
public sealed record AsyncOutcome(
    string? ErrorCode,
    string? ErrorDesc,
    IReadOnlyList<AsyncErrorDetail> ErrorDetails,
    IReadOnlyList<AsyncErrorDetail> Warnings,
    long? AcceptedSegmentsCount);

/// <summary>An async request and its current state. It answers asyncResponse = null for <c>PollsRemaining</c> more
/// polls (GET /async/{id}, or lastBackgroundTask of the TM/TB it belongs to), then finishes with <see cref="Outcome"/>.
/// <see cref="NeverFinishes"/> requests stay unfinished forever.</summary>
public sealed class AsyncRequest
{
    private readonly object _lock = new();
    private int _pollsRemaining;
    private DateTimeOffset? _dateFinished;

    internal AsyncRequest(string id, string action, DateTimeOffset dateCreated, UserAccount createdBy, EmulatorProject? project,
        AsyncOutcome outcome, int pollsRemaining, bool neverFinishes, DateTimeOffset? dateFinished)
    {
        Id = id;
        Action = action;
        DateCreated = dateCreated;
        CreatedBy = createdBy;
        Project = project;
        Outcome = outcome;
        NeverFinishes = neverFinishes;
        _pollsRemaining = pollsRemaining;
        _dateFinished = dateFinished;
    }

    public string Id { get; }
    public string Action { get; }
    public DateTimeOffset DateCreated { get; }
    public UserAccount CreatedBy { get; }
    public EmulatorProject? Project { get; }
    /// <summary>The response it has (or will have) once finished.</summary>
    public AsyncOutcome Outcome { get; }
    public bool NeverFinishes { get; }
    public int PollsRemaining { get { lock (_lock) return _pollsRemaining; } }
    public bool IsFinished { get { lock (_lock) return _dateFinished is not null; } }
    /// <summary>asyncResponse.dateCreated once finished.</summary>
    public DateTimeOffset? DateFinished { get { lock (_lock) return _dateFinished; } }

    /// <summary>Counts one poll; returns the finish date, or null while still running.</summary>
    internal DateTimeOffset? Poll(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_dateFinished is not null || NeverFinishes) return _dateFinished;
            if (_pollsRemaining > 0)
            {
                _pollsRemaining--;
                return null;
            }
            _dateFinished = EmulatorClock.TruncateToSecond(now);
            return _dateFinished;
        }
    }
}
