namespace PhraseTms.Emulator;

/// <summary>A job (one file, one target language, one workflow level) of an <see cref="OrgProject"/>, as
/// GET /api2/v2/projects/{projectUid}/jobs (JobPartReferenceV2) and GET /api2/v1/projects/{projectUid}/jobs/{jobUid}
/// (JobPartExtendedDto) serve it. The list DTO has no project field: the project is the one in the path.
/// <see cref="Status"/> changes through POST .../jobs/{jobUid}/setStatus; status, due date and providers through the job's
/// PUT/PATCH and PUT .../jobs/batch (<see cref="JobEditRoutes"/>).</summary>
public sealed class OrgJob
{
    public const string New = "NEW", Accepted = "ACCEPTED", Declined = "DECLINED", Rejected = "REJECTED", Delivered = "DELIVERED",
        Emailed = "EMAILED", Completed = "COMPLETED", Cancelled = "CANCELLED";

    /// <summary>The documented job statuses (JobStatusChangeActionDto requestedStatus, list filter status).</summary>
    public static readonly string[] Statuses = [New, Accepted, Declined, Rejected, Delivered, Emailed, Completed, Cancelled];

    private readonly object _lock = new();
    private string _status = New;
    private AsyncRequest? _preTranslation;
    private DateTimeOffset? _dateDue;
    private IReadOnlyList<OrgJobProvider> _providers = [];

    public required string Uid { get; init; }
    public required string InnerId { get; init; }
    public required string ProjectUid { get; init; }
    public required string ProjectName { get; init; }
    public required string SourceLang { get; init; }
    public required string TargetLang { get; init; }
    public required int WorkflowLevel { get; init; }
    public OrgProjectWorkflowStep? WorkflowStep { get; init; }
    public required string Filename { get; init; }
    public string? OriginalFileDirectory { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset? DateDue
    {
        get { lock (_lock) return _dateDue; }
        init => _dateDue = value;
    }
    public required int WordsCount { get; init; }
    public required string SourceFileUid { get; init; }
    public required UserAccount Owner { get; init; }
    public bool Continuous { get; init; }
    /// <summary>Providers (ProviderReference): USER ones carry the user's id and uid.</summary>
    public IReadOnlyList<OrgJobProvider> Providers
    {
        get { lock (_lock) return _providers; }
        init => _providers = value;
    }

    /// <summary>The bytes of the uploaded source file (POST …/jobs); null for seeded jobs (see <see cref="JobFiles.Source"/>).</summary>
    public JobSourceFile? SourceFile { get; init; }

    /// <summary>The IMPORT_JOB request of an uploaded job: the job is imported once it has finished (seeded jobs always are).</summary>
    public AsyncRequest? Import { get; init; }

    public bool Imported => Import is null || (Import.IsFinished && Import.Outcome.ErrorCode is null);

    /// <summary>The PRE_TRANSLATE request that last covered the job (POST /api2/v3/projects/{uid}/jobs/preTranslate).</summary>
    public AsyncRequest? PreTranslation { get { lock (_lock) return _preTranslation; } }

    /// <summary>Pre-translated: a pre-translation covering it has finished.</summary>
    public bool Translated => PreTranslation is { IsFinished: true };

    public string Status
    {
        get { lock (_lock) return _status; }
        init => _status = value;
    }

    internal void SetStatus(string status)
    {
        lock (_lock) _status = status;
    }

    /// <summary>PUT/PATCH of the job: the fields given (null = keep).</summary>
    internal void Edit(string? status, DateTimeOffset? dateDue, IReadOnlyList<OrgJobProvider>? providers)
    {
        lock (_lock)
        {
            if (status is not null) _status = status;
            if (dateDue is not null) _dateDue = dateDue;
            if (providers is not null) _providers = providers;
        }
    }

    internal void SetPreTranslation(AsyncRequest request)
    {
        lock (_lock) _preTranslation = request;
    }
}

/// <summary>ProviderReference {type, id, uid}; type USER or VENDOR.</summary>
public sealed record OrgJobProvider(string Type, string Id, string Uid);
