using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>The small reference objects the core-area DTOs embed. A missing reference is written as null.</summary>
internal static class ReferenceJson
{
    /// <summary>UserReference {firstName, lastName, userName, email, role, id, uid}.</summary>
    public static JObject? User(UserAccount? a) => a is null ? null : new JObject
    {
        ["firstName"] = a.FirstName,
        ["lastName"] = a.LastName,
        ["userName"] = a.UserName,
        ["email"] = a.Email,
        ["role"] = a.Role,
        ["id"] = a.Id,
        ["uid"] = a.Uid,
    };

    /// <summary>ClientReference, DomainReference, SubDomainReference, CostCenterReference, BusinessUnitReference: {id, uid, name}.</summary>
    public static JObject? Org(OrgReference? r) => r is null ? null : new JObject { ["id"] = r.Id, ["uid"] = r.Uid, ["name"] = r.Name };

    /// <summary>NameDto {id, name}.</summary>
    public static JObject Name(string id, string name) => new() { ["id"] = id, ["name"] = name };

    /// <summary>WorkflowStepReference {name, id, uid, order, lqaEnabled}.</summary>
    public static JObject WorkflowStep(OrgWorkflowStep s) => new()
    {
        ["name"] = s.Name,
        ["id"] = s.Id,
        ["uid"] = s.Uid,
        ["order"] = s.Order,
        ["lqaEnabled"] = s.LqaEnabled,
    };

    public static JArray Strings(IEnumerable<string> values) => new(values);

    /// <summary>A date written as the core-area routes write them: "2026-11-20T10:00:00+0000".</summary>
    public static string? Date(DateTimeOffset? value) => value is { } v ? ApiDates.Plus0000(v) : null;
}
