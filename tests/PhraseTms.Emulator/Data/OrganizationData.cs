namespace PhraseTms.Emulator;

/// <summary>The core areas of the demo organization (the one the demo API token belongs to): projects and their jobs,
/// translation memories, term bases, users, project templates, connectors and the references they share. Seeded by
/// <see cref="OrganizationSeeds"/>; projects (and their jobs), analyses and translation memory contents change through the API.</summary>
public sealed class OrganizationData
{
    public const string OrganizationName = "Demo Organization";

    internal OrganizationData(OrgProjectStore projects, IReadOnlyList<OrgUser> users, IReadOnlyList<OrgTransMemory> transMemories,
        IReadOnlyList<OrgTermBase> termBases, IReadOnlyList<OrgProjectTemplate> projectTemplates, IReadOnlyList<OrgConnector> connectors,
        IReadOnlyList<OrgWorkflowStep> workflowSteps, IReadOnlyList<OrgReference> clients, IReadOnlyList<OrgReference> domains,
        IReadOnlyList<OrgReference> subDomains, IReadOnlyList<OrgReference> costCenters, IReadOnlyList<OrgReference> businessUnits)
    {
        Projects = projects;
        Users = users;
        TransMemories = transMemories;
        TermBases = termBases;
        ProjectTemplates = projectTemplates;
        Connectors = connectors;
        WorkflowSteps = workflowSteps;
        Clients = clients;
        Domains = domains;
        SubDomains = subDomains;
        CostCenters = costCenters;
        BusinessUnits = businessUnits;
    }

    public OrgProjectStore Projects { get; }

    /// <summary>Analyses created by POST /api2/v2/analyses (none are seeded).</summary>
    public AnalysisStore Analyses { get; } = new();

    /// <summary>The segments of the translation memories (seeded ones plus TMX imports) and pending TMX exports.</summary>
    public TransMemoryContents TransMemoryContents { get; } = new();

    /// <summary>Ordered by id; deleted users included (they have dateDeleted).</summary>
    public IReadOnlyList<OrgUser> Users { get; }

    public IReadOnlyList<OrgTransMemory> TransMemories { get; }

    public IReadOnlyList<OrgTermBase> TermBases { get; }

    public IReadOnlyList<OrgProjectTemplate> ProjectTemplates { get; }

    public IReadOnlyList<OrgConnector> Connectors { get; }

    public IReadOnlyList<OrgWorkflowStep> WorkflowSteps { get; }

    public IReadOnlyList<OrgReference> Clients { get; }

    public IReadOnlyList<OrgReference> Domains { get; }

    public IReadOnlyList<OrgReference> SubDomains { get; }

    public IReadOnlyList<OrgReference> CostCenters { get; }

    public IReadOnlyList<OrgReference> BusinessUnits { get; }

    public OrgUser? FindUser(string uid) => Users.FirstOrDefault(u => u.Uid == uid);

    public OrgTransMemory? FindTransMemory(string uid) => TransMemories.FirstOrDefault(t => t.Uid == uid);

    public OrgTermBase? FindTermBase(string uid) => TermBases.FirstOrDefault(t => t.Uid == uid);

    public OrgProjectTemplate? FindProjectTemplate(string uid) => ProjectTemplates.FirstOrDefault(t => t.Uid == uid);

    public OrgConnector? FindConnector(string id) => Connectors.FirstOrDefault(c => c.Id == id);
}
