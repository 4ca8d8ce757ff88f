namespace PhraseTms.Emulator;

/// <summary>A project template (ProjectTemplateReference in lists, ProjectTemplate by uid). Projects created from it
/// (POST /api2/v2/projects/applyTemplate/{templateUid}) take its languages, workflow steps and references unless the
/// body overrides them. <see cref="Assignments"/>: providers per target language (AssignmentPerTargetLangDto).</summary>
public sealed record OrgProjectTemplate(
    string Id,
    string Uid,
    string TemplateName,
    string? ProjectName,
    string SourceLang,
    IReadOnlyList<string> TargetLangs,
    string? Note,
    UserAccount Owner,
    OrgReference? Client,
    OrgReference? Domain,
    OrgReference? SubDomain,
    OrgReference? CostCenter,
    OrgReference? BusinessUnit,
    IReadOnlyList<OrgWorkflowStep> WorkflowSteps,
    IReadOnlyDictionary<string, IReadOnlyList<OrgUser>> Assignments,
    DateTimeOffset DateCreated,
    DateTimeOffset DateModified);
