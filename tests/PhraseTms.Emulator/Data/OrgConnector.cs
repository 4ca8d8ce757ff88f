namespace PhraseTms.Emulator;

/// <summary>A connector (ConnectorDto). <see cref="AutomatedProjects"/>: its automated project settings
/// (AutomatedProjectSettingsDto). localToken is never served (always null).</summary>
public sealed record OrgConnector(
    string Id,
    string Name,
    string Type,
    UserAccount CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrgAutomatedProject> AutomatedProjects);

/// <summary>One automated project setting of a connector.</summary>
public sealed record OrgAutomatedProject(string Id, string Name, bool Active, string SourceLang, IReadOnlyList<string> TargetLangs,
    string RemoteFolder);
