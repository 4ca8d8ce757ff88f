namespace PhraseTms.Emulator;

/// <summary>A term base (TermBaseDto). The four background-task ones (tbOk000001 ...) are among them.</summary>
public sealed record OrgTermBase(
    string Id,
    string Uid,
    long InternalId,
    string Name,
    IReadOnlyList<string> Langs,
    OrgReference? Client,
    OrgReference? Domain,
    OrgReference? SubDomain,
    OrgReference? BusinessUnit,
    UserAccount CreatedBy,
    UserAccount Owner,
    DateTimeOffset DateCreated,
    string? Note);
