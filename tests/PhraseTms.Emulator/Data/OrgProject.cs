namespace PhraseTms.Emulator;

/// <summary>A project as the project routes serve it (AbstractProjectDto / AbstractProjectDtoV2, "Admin, Project
/// Manager" variant), with its jobs. Status and jobs change through the API (setStatus, job creation); the rest is fixed.
/// The connector-task routes keep their own project list (<see cref="EmulatorData.Projects"/>).</summary>
public sealed class OrgProject
{
    public const string New = "NEW", Assigned = "ASSIGNED", Completed = "COMPLETED", AcceptedByVendor = "ACCEPTED_BY_VENDOR",
        DeclinedByVendor = "DECLINED_BY_VENDOR", CompletedByVendor = "COMPLETED_BY_VENDOR", Cancelled = "CANCELLED";

    /// <summary>The documented project statuses (SetProjectStatusDto, listProjects statuses).</summary>
    public static readonly string[] Statuses = [New, Assigned, Completed, AcceptedByVendor, DeclinedByVendor, CompletedByVendor, Cancelled];

    private readonly object _lock = new();
    private readonly List<OrgJob> _jobs = [];
    private string _status = New;

    public required string Uid { get; init; }
    public required int InternalId { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required string SourceLang { get; init; }
    public required IReadOnlyList<string> TargetLangs { get; init; }
    public required UserAccount Owner { get; init; }
    public required UserAccount CreatedBy { get; init; }
    public OrgReference? Client { get; init; }
    public OrgReference? Domain { get; init; }
    public OrgReference? SubDomain { get; init; }
    public OrgReference? CostCenter { get; init; }
    public OrgReference? BusinessUnit { get; init; }
    public DateTimeOffset? DateDue { get; init; }
    public string? Note { get; init; }
    public string? PurchaseOrder { get; init; }
    public bool Shared { get; init; }
    public bool Archived { get; init; }
    public bool PropagateTranslationsToLowerWf { get; init; }
    public IReadOnlyList<OrgProjectWorkflowStep> WorkflowSteps { get; init; } = [];

    public string Status
    {
        get { lock (_lock) return _status; }
        init => _status = value;
    }

    /// <summary>Snapshot of the jobs (every workflow level), in creation order.</summary>
    public IReadOnlyList<OrgJob> Jobs { get { lock (_lock) return _jobs.ToArray(); } }

    public OrgJob? FindJob(string uid)
    {
        lock (_lock) return _jobs.FirstOrDefault(j => j.Uid == uid);
    }

    internal void SetStatus(string status)
    {
        lock (_lock) _status = status;
    }

    /// <summary>Adds jobs; <paramref name="create"/> gets the next inner id (1, 2, ... in the project).</summary>
    internal void AddJob(Func<int, OrgJob> create)
    {
        lock (_lock) _jobs.Add(create(_jobs.Count + 1));
    }
}
