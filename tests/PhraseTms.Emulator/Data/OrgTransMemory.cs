namespace PhraseTms.Emulator;

/// <summary>A translation memory (TransMemoryDto). The four background-task ones (tmOk000001 ...) are among them.</summary>
public sealed record OrgTransMemory(
    string Id,
    string Uid,
    int InternalId,
    string Name,
    string SourceLang,
    IReadOnlyList<string> TargetLangs,
    OrgReference? Client,
    OrgReference? BusinessUnit,
    OrgReference? Domain,
    OrgReference? SubDomain,
    string? Note,
    DateTimeOffset DateCreated,
    UserAccount CreatedBy,
    UserAccount Owner);
