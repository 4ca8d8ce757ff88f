using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/projectTemplates (getProjectTemplates, PageDtoProjectTemplateReference) and
/// GET /api2/v1/projectTemplates/{projectTemplateUid} (ProjectTemplate). Filters: name (contains, on templateName),
/// clientId, clientName, ownerUid, domainName, subDomainName, costCenterId, costCenterName, businessUnitName (names:
/// contains, case-insensitive); sort dateCreated (default) | templateName, direction asc | desc (default desc).
/// Projects are created from a template by POST /api2/v2/projects/applyTemplate/{templateUid} (<see cref="ProjectRoutes"/>).</summary>
internal static class ProjectTemplateRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/projectTemplates", context => ListAsync(context, state));
        app.MapGet("/web/api2/v1/projectTemplates/{projectTemplateUid}", context =>
        {
            var uid = (string)context.Request.RouteValues["projectTemplateUid"]!;
            var template = state.Data.Organization.FindProjectTemplate(uid);
            return template is null
                ? ApiResponses.ResourceNotFound(context, $"Project template {uid} not found")
                : ApiResponses.WriteJsonAsync(context, 200, Details(template));
        });
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var name = q.String("name");
        var clientId = q.Long("clientId");
        var clientName = q.String("clientName");
        var ownerUid = q.String("ownerUid");
        var domainName = q.String("domainName");
        var subDomainName = q.String("subDomainName");
        var costCenterId = q.Long("costCenterId");
        var costCenterName = q.String("costCenterName");
        var businessUnitName = q.String("businessUnitName");
        var sort = q.String("sort") ?? "dateCreated";
        var direction = q.String("direction") ?? "desc";
        var page = q.Page();
        if (q.Error is null && sort is not ("dateCreated" or "templateName"))
            return ApiResponses.InvalidArguments(context, "sort: must match \"dateCreated|templateName\"");
        if (q.Error is null && direction is not ("asc" or "desc"))
            return ApiResponses.InvalidArguments(context, "direction: must match \"asc|desc\"");
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        static bool Contains(OrgReference? r, string? text) => text is null || (r is not null && r.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
        var filtered = state.Data.Organization.ProjectTemplates
            .Where(t => name is null || t.TemplateName.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(t => clientId is null || t.Client?.Id == clientId.Value.ToString(CultureInfo.InvariantCulture))
            .Where(t => Contains(t.Client, clientName))
            .Where(t => ownerUid is null || t.Owner.Uid == ownerUid)
            .Where(t => Contains(t.Domain, domainName) && Contains(t.SubDomain, subDomainName) && Contains(t.CostCenter, costCenterName)
                && Contains(t.BusinessUnit, businessUnitName))
            .Where(t => costCenterId is null || t.CostCenter?.Id == costCenterId.Value.ToString(CultureInfo.InvariantCulture));
        var ordered = (sort, direction) switch
        {
            ("templateName", "asc") => filtered.OrderBy(t => t.TemplateName, StringComparer.OrdinalIgnoreCase),
            ("templateName", _) => filtered.OrderByDescending(t => t.TemplateName, StringComparer.OrdinalIgnoreCase),
            (_, "asc") => filtered.OrderBy(t => t.DateCreated),
            _ => filtered.OrderByDescending(t => t.DateCreated),
        };
        return PageJson.WriteAsync(context, ordered.ThenBy(t => t.Uid, StringComparer.Ordinal).ToArray(), page, Reference,
            (sort, direction.ToUpperInvariant()));
    }

    /// <summary>ProjectTemplateReference.</summary>
    private static JObject Reference(OrgProjectTemplate t) => new()
    {
        ["templateName"] = t.TemplateName,
        ["sourceLang"] = t.SourceLang,
        ["targetLangs"] = ReferenceJson.Strings(t.TargetLangs),
        ["id"] = t.Id,
        ["uid"] = t.Uid,
        ["owner"] = ReferenceJson.User(t.Owner),
        ["domain"] = ReferenceJson.Org(t.Domain),
        ["subDomain"] = ReferenceJson.Org(t.SubDomain),
        ["costCenter"] = ReferenceJson.Org(t.CostCenter),
        ["businessUnit"] = ReferenceJson.Org(t.BusinessUnit),
        ["projectWorkflowSettings"] = new JObject { ["propagateTranslationsToLowerWfDuringUpdateSource"] = false },
        ["note"] = t.Note,
        ["client"] = ReferenceJson.Org(t.Client),
    };

    /// <summary>ProjectTemplate (the full DTO).</summary>
    private static JObject Details(OrgProjectTemplate t) => new()
    {
        ["id"] = t.Id,
        ["uid"] = t.Uid,
        ["templateName"] = t.TemplateName,
        ["name"] = t.ProjectName,
        ["sourceLang"] = t.SourceLang,
        ["targetLangs"] = ReferenceJson.Strings(t.TargetLangs),
        ["note"] = t.Note,
        ["useDynamicTitle"] = t.ProjectName is not null,
        ["dynamicTitle"] = t.ProjectName,
        ["owner"] = ReferenceJson.User(t.Owner),
        ["client"] = ReferenceJson.Org(t.Client),
        ["domain"] = ReferenceJson.Org(t.Domain),
        ["subDomain"] = ReferenceJson.Org(t.SubDomain),
        ["vendor"] = null,
        ["createdBy"] = ReferenceJson.User(t.Owner),
        ["dateCreated"] = ReferenceJson.Date(t.DateCreated),
        ["modifiedBy"] = ReferenceJson.User(t.Owner),
        ["dateModified"] = ReferenceJson.Date(t.DateModified),
        ["dateTimeModified"] = ReferenceJson.Date(t.DateModified),
        ["workflowSteps"] = new JArray(t.WorkflowSteps.Select(s => new JObject
        {
            ["id"] = s.Id,
            ["uid"] = s.Uid,
            ["name"] = s.Name,
            ["abbr"] = s.Abbreviation,
            ["order"] = s.Order,
            ["lqaEnabled"] = s.LqaEnabled,
        })),
        ["workflowSettings"] = new JArray(t.WorkflowSteps.Select(s => new JObject
        {
            ["workflowStep"] = ReferenceJson.WorkflowStep(s),
            ["assignedTo"] = new JArray(),
            ["notifyProvider"] = null,
            ["lqaProfile"] = null,
        })),
        ["projectWorkflowSettings"] = new JObject
        {
            ["completeUnassigned"] = false,
            ["propagateTranslationsToLowerWfDuringUpdateSource"] = false,
        },
        ["businessUnit"] = ReferenceJson.Org(t.BusinessUnit),
        ["notifyProviders"] = null,
        ["assignedTo"] = new JArray(t.Assignments.Select(a => new JObject
        {
            ["targetLang"] = a.Key,
            ["providers"] = new JArray(a.Value.Select(u => new JObject { ["type"] = "USER", ["id"] = u.Id, ["uid"] = u.Uid })),
        })),
        ["importSettings"] = null,
    };
}
