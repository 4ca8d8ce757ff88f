namespace PhraseTms.Emulator;

/// <summary>A connector (ConnectorDto). <see cref="AutomatedProjects"/>: its automated project settings
/// (AutomatedProjectSettingsDto). localToken is never served (always null).</summary>
public sealed record Connector(
    string Id,
    string Name,
    string Type,
    UserAccount CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AutomatedProject> AutomatedProjects);

/// <summary>One automated project setting of a connector.</summary>
public sealed record AutomatedProject(string Id, string Name, bool Active, string SourceLang, IReadOnlyList<string> TargetLangs,
    string RemoteFolder);
