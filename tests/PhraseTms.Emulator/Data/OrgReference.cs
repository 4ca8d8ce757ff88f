namespace PhraseTms.Emulator;

/// <summary>A client, domain, subdomain, cost center or business unit as the API references it: {id, uid, name}.
/// <see cref="Id"/> is the numeric id the list filters take (clientId, domainId, ...).</summary>
public sealed record OrgReference(string Id, string Uid, string Name);

/// <summary>A global workflow step of the organization (WorkflowStepReference / WorkflowStepDto).</summary>
public sealed record OrgWorkflowStep(string Id, string Uid, string Name, string Abbreviation, int Order, bool LqaEnabled);

/// <summary>A workflow step as instantiated in one project (ProjectWorkflowStepDto): its own id, its level (1-based)
/// and the global step it comes from.</summary>
public sealed record OrgProjectWorkflowStep(long Id, int WorkflowLevel, OrgWorkflowStep Step);
