using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/connectors (getConnectorList, ConnectorListDto {connectors, totalCount}: not paged; filter
/// type, case-insensitive; any value is accepted) and GET /api2/v1/connectors/{connectorId} (ConnectorDto).
/// localToken is always null.</summary>
internal static class ConnectorRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/connectors", context =>
        {
            var type = new QueryReader(context.Request.Query).String("type");
            var matching = state.Data.Organization.Connectors
                .Where(c => type is null || c.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).ToArray();
            return ApiResponses.WriteJsonAsync(context, 200, new JObject
            {
                ["connectors"] = new JArray(matching.Select(Build)),
                ["totalCount"] = matching.Length,
            });
        });
        app.MapGet("/web/api2/v1/connectors/{connectorId}", context =>
        {
            var id = (string)context.Request.RouteValues["connectorId"]!;
            var connector = state.Data.Organization.FindConnector(id);
            return connector is null
                ? ApiResponses.ResourceNotFound(context, $"Connector {id} not found")
                : ApiResponses.WriteJsonAsync(context, 200, Build(connector));
        });
    }

    private static JObject Organization() => ReferenceJson.Name("1", OrganizationData.OrganizationName);

    private static JObject Build(OrgConnector c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["type"] = c.Type,
        ["organization"] = Organization(),
        ["createdBy"] = ReferenceJson.Name(c.CreatedBy.Id, $"{c.CreatedBy.FirstName} {c.CreatedBy.LastName}"),
        ["createdAt"] = ReferenceJson.Date(c.CreatedAt),
        ["localToken"] = null,
        ["automatedProjectSettings"] = new JArray(c.AutomatedProjects.Select(a => new JObject
        {
            ["id"] = a.Id,
            ["name"] = a.Name,
            ["organization"] = Organization(),
            ["active"] = a.Active,
            ["sourceLang"] = a.SourceLang,
            ["targetLangs"] = ReferenceJson.Strings(a.TargetLangs),
            ["connector"] = ReferenceJson.Name(c.Id, c.Name),
            ["remoteFolder"] = a.RemoteFolder,
        })),
    };
}
