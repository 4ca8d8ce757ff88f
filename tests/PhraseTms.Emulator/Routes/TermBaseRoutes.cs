using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/termBases (listTermBases, PageDtoTermBaseDto, name ascending then internalId) and
/// GET /api2/v1/termBases/{termBaseUid} (TermBaseDto). Filters: name (contains, case-insensitive), lang (repeatable:
/// the term base has at least one of them), clientId / domainId / subDomainId (reference id).</summary>
internal static class TermBaseRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/termBases", context => ListAsync(context, state));
        app.MapGet("/web/api2/v1/termBases/{termBaseUid}", context =>
        {
            var uid = (string)context.Request.RouteValues["termBaseUid"]!;
            var tb = state.Data.Organization.FindTermBase(uid);
            return tb is null
                ? ApiResponses.ResourceNotFound(context, $"Term base {uid} not found")
                : ApiResponses.WriteJsonAsync(context, 200, Build(tb));
        });
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var name = q.String("name");
        var langs = q.List("lang");
        var clientId = q.String("clientId");
        var domainId = q.String("domainId");
        var subDomainId = q.String("subDomainId");
        var page = q.Page();
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        var matching = state.Data.Organization.TermBases
            .Where(t => name is null || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(t => langs.Count == 0 || t.Langs.Any(l => langs.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .Where(t => clientId is null || t.Client?.Id == clientId)
            .Where(t => domainId is null || t.Domain?.Id == domainId)
            .Where(t => subDomainId is null || t.SubDomain?.Id == subDomainId)
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.InternalId)
            .ToArray();
        return PageJson.WriteAsync(context, matching, page, Build, ("name", "ASC"));
    }

    private static JObject Build(OrgTermBase t) => new()
    {
        ["id"] = t.Id,
        ["uid"] = t.Uid,
        ["internalId"] = t.InternalId,
        ["name"] = t.Name,
        ["langs"] = ReferenceJson.Strings(t.Langs),
        ["client"] = ReferenceJson.Org(t.Client),
        ["domain"] = ReferenceJson.Org(t.Domain),
        ["subDomain"] = ReferenceJson.Org(t.SubDomain),
        ["businessUnit"] = ReferenceJson.Org(t.BusinessUnit),
        ["createdBy"] = ReferenceJson.User(t.CreatedBy),
        ["owner"] = ReferenceJson.User(t.Owner),
        ["dateCreated"] = ReferenceJson.Date(t.DateCreated),
        ["note"] = t.Note,
        ["canShow"] = true,
    };
}
