using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>A validated CreateProjectV3Dto (POST /api2/v3/projects) or CreateProjectFromTemplateV2Dto (POST
/// /api2/v2/projects/applyTemplate/{templateUid}: only name required). Validation stops at the first problem, an
/// InvalidArguments description naming the field ("targetLangs: must not be empty"). IdReference ids (client, domain,
/// subDomain, costCenter, businessUnit, workflowSteps[]) must name a seeded reference; they may be JSON strings or numbers.</summary>
internal sealed partial record ProjectCreateRequest(
    string Name,
    string? SourceLang,
    IReadOnlyList<string>? TargetLangs,
    OrgReference? Client,
    OrgReference? BusinessUnit,
    OrgReference? Domain,
    OrgReference? SubDomain,
    OrgReference? CostCenter,
    IReadOnlyList<OrgWorkflowStep>? WorkflowSteps,
    DateTimeOffset? DateDue,
    string? Note,
    string? PurchaseOrder,
    bool? PropagateTranslationsToLowerWf)
{
    public const int MaxNameLength = 255, MaxPurchaseOrderLength = 255, MaxNoteLength = 4096;

    [GeneratedRegex(@"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    public static ProjectCreateRequest? Parse(JObject body, OrganizationData org, bool fromTemplate, out string? error)
    {
        error = null;
        var name = RequiredString(body, "name", MaxNameLength, ref error);
        var sourceLang = fromTemplate && IsAbsent(body["sourceLang"]) ? null : Language(body, "sourceLang", ref error);
        var targetLangs = fromTemplate && IsAbsent(body["targetLangs"]) ? null : Languages(body, "targetLangs", ref error);
        var client = Reference(body, "client", org.Clients, ref error);
        var businessUnit = Reference(body, "businessUnit", org.BusinessUnits, ref error);
        var domain = Reference(body, "domain", org.Domains, ref error);
        var subDomain = Reference(body, "subDomain", org.SubDomains, ref error);
        var costCenter = Reference(body, "costCenter", org.CostCenters, ref error);
        var purchaseOrder = OptionalString(body, "purchaseOrder", fromTemplate ? int.MaxValue : MaxPurchaseOrderLength, ref error);
        var steps = Steps(body, org.WorkflowSteps, ref error);
        var dateDue = Date(body, "dateDue", ref error);
        var note = OptionalString(body, "note", fromTemplate ? int.MaxValue : MaxNoteLength, ref error);
        Array(body, "lqaProfiles", ref error);
        Array(body, "customFields", ref error);
        Boolean(body, "fileHandover", ref error);
        var propagate = Boolean(body, "propagateTranslationsToLowerWfDuringUpdateSource", ref error);
        return error is null
            ? new ProjectCreateRequest(name!, sourceLang, targetLangs, client, businessUnit, domain, subDomain, costCenter, steps, dateDue,
                note, purchaseOrder, propagate)
            : null;
    }

    private static bool IsAbsent(JToken? t) => t is null || t.Type == JTokenType.Null;

    private static string? RequiredString(JObject body, string field, int maxLength, ref string? error)
    {
        if (error is not null) return null;
        var t = body[field];
        if (IsAbsent(t)) error = $"{field}: must not be null";
        else if (t!.Type != JTokenType.String) error = $"{field}: must be a string";
        else if (string.IsNullOrWhiteSpace((string?)t)) error = $"{field}: must not be blank";
        else if (((string)t!).Length > maxLength) error = $"{field}: size must be between 0 and {maxLength}";
        return error is null ? (string?)t : null;
    }

    private static string? OptionalString(JObject body, string field, int maxLength, ref string? error)
    {
        if (error is not null || IsAbsent(body[field])) return null;
        var t = body[field]!;
        if (t.Type != JTokenType.String) error = $"{field}: must be a string";
        else if (((string)t!).Length > maxLength) error = $"{field}: size must be between 0 and {maxLength}";
        return error is null ? (string?)t : null;
    }

    private static string? Language(JObject body, string field, ref string? error)
    {
        var code = RequiredString(body, field, 32, ref error);
        if (code is not null && !LanguageCode().IsMatch(code)) error = $"{field}: unsupported language code '{code}'";
        return error is null ? code?.ToLowerInvariant() : null;
    }

    private static IReadOnlyList<string>? Languages(JObject body, string field, ref string? error)
    {
        if (error is not null) return null;
        var t = body[field];
        if (IsAbsent(t) || t is JArray { Count: 0 }) error = $"{field}: must not be empty";
        else if (t is not JArray array) error = $"{field}: must be an array of strings";
        else
        {
            var result = new List<string>();
            for (var i = 0; i < array.Count && error is null; i++)
            {
                if (array[i].Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)array[i])) error = $"{field}[{i}]: must not be blank";
                else if (!LanguageCode().IsMatch((string)array[i]!)) error = $"{field}[{i}]: unsupported language code '{(string?)array[i]}'";
                else if (!result.Contains(((string)array[i]!).ToLowerInvariant())) result.Add(((string)array[i]!).ToLowerInvariant());
            }
            return error is null ? result : null;
        }
        return null;
    }

    /// <summary>An IdReference {id} naming one of <paramref name="known"/>.</summary>
    private static OrgReference? Reference(JObject body, string field, IReadOnlyList<OrgReference> known, ref string? error)
    {
        if (error is not null || IsAbsent(body[field])) return null;
        var id = IdOf(body[field], field, ref error);
        if (id is null) return null;
        var match = known.FirstOrDefault(r => r.Id == id);
        if (match is null) error = $"{field}.id: no {field} with id {id}";
        return match;
    }

    private static string? IdOf(JToken? reference, string at, ref string? error)
    {
        if (reference is not JObject o)
        {
            error = $"{at}: must be an object";
            return null;
        }
        var id = o["id"];
        if (IsAbsent(id)) error = $"{at}.id: must not be null";
        else if (id!.Type is not (JTokenType.String or JTokenType.Integer)) error = $"{at}.id: must be a string";
        return error is null ? (string?)id : null;
    }

    private static IReadOnlyList<OrgWorkflowStep>? Steps(JObject body, IReadOnlyList<OrgWorkflowStep> known, ref string? error)
    {
        if (error is not null || IsAbsent(body["workflowSteps"])) return null;
        if (body["workflowSteps"] is not JArray array)
        {
            error = "workflowSteps: must be an array";
            return null;
        }
        var result = new List<OrgWorkflowStep>();
        for (var i = 0; i < array.Count; i++)
        {
            var id = IdOf(array[i], $"workflowSteps[{i}]", ref error);
            if (id is null) return null;
            var step = known.FirstOrDefault(s => s.Id == id);
            if (step is null)
            {
                error = $"workflowSteps[{i}].id: no workflow step with id {id}";
                return null;
            }
            result.Add(step);
        }
        return result;
    }

    private static DateTimeOffset? Date(JObject body, string field, ref string? error)
    {
        if (error is not null || IsAbsent(body[field])) return null;
        var t = body[field]!;
        if (t.Type == JTokenType.String && ApiDates.TryParse((string?)t, out var value)) return EmulatorClock.TruncateToSecond(value);
        error = $"{field}: must be an ISO 8601 date-time";
        return null;
    }

    private static bool? Boolean(JObject body, string field, ref string? error)
    {
        if (error is not null || IsAbsent(body[field])) return null;
        if (body[field]!.Type == JTokenType.Boolean) return (bool)body[field]!;
        error = $"{field}: must be a boolean";
        return null;
    }

    private static void Array(JObject body, string field, ref string? error)
    {
        if (error is null && !IsAbsent(body[field]) && body[field] is not JArray) error = $"{field}: must be an array";
    }
}
