using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/transMemories (listTransMemories, PageDtoTransMemoryDto, name ascending then internalId) and
/// GET /api2/v1/transMemories/{transMemoryUid} (TransMemoryDto). Filters: name (contains, case-insensitive),
/// sourceLang (equal), targetLang (one of the TM's), clientId / domainId / subDomainId / businessUnitId (reference id).</summary>
internal static class TransMemoryRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/transMemories", context => ListAsync(context, state));
        app.MapGet("/web/api2/v1/transMemories/{transMemoryUid}", context =>
        {
            var uid = (string)context.Request.RouteValues["transMemoryUid"]!;
            var tm = state.Data.Organization.FindTransMemory(uid);
            return tm is null
                ? ApiResponses.ResourceNotFound(context, $"Translation memory {uid} not found")
                : ApiResponses.WriteJsonAsync(context, 200, Build(tm));
        });
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var name = q.String("name");
        var sourceLang = q.String("sourceLang");
        var targetLang = q.String("targetLang");
        var clientId = q.String("clientId");
        var domainId = q.String("domainId");
        var subDomainId = q.String("subDomainId");
        var businessUnitId = q.String("businessUnitId");
        var page = q.Page();
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        var matching = state.Data.Organization.TransMemories
            .Where(t => name is null || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(t => sourceLang is null || t.SourceLang.Equals(sourceLang, StringComparison.OrdinalIgnoreCase))
            .Where(t => targetLang is null || t.TargetLangs.Contains(targetLang, StringComparer.OrdinalIgnoreCase))
            .Where(t => clientId is null || t.Client?.Id == clientId)
            .Where(t => domainId is null || t.Domain?.Id == domainId)
            .Where(t => subDomainId is null || t.SubDomain?.Id == subDomainId)
            .Where(t => businessUnitId is null || t.BusinessUnit?.Id == businessUnitId)
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.InternalId)
            .ToArray();
        return PageJson.WriteAsync(context, matching, page, Build, ("name", "ASC"));
    }

    private static JObject Build(OrgTransMemory t) => new()
    {
        ["id"] = t.Id,
        ["uid"] = t.Uid,
        ["internalId"] = t.InternalId,
        ["name"] = t.Name,
        ["sourceLang"] = t.SourceLang,
        ["targetLangs"] = ReferenceJson.Strings(t.TargetLangs),
        ["client"] = ReferenceJson.Org(t.Client),
        ["businessUnit"] = ReferenceJson.Org(t.BusinessUnit),
        ["domain"] = ReferenceJson.Org(t.Domain),
        ["subDomain"] = ReferenceJson.Org(t.SubDomain),
        ["note"] = t.Note,
        ["dateCreated"] = ReferenceJson.Date(t.DateCreated),
        ["createdBy"] = ReferenceJson.User(t.CreatedBy),
        ["owner"] = ReferenceJson.User(t.Owner),
    };
}
