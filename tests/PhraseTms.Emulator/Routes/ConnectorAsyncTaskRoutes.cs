namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/connectorAsyncTasks: paged, filtered, dateCreated descending then id descending. Item fields
/// are always all present (null when absent); dates are written with a "+0000" offset.</summary>
internal static class ConnectorAsyncTaskRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapGet("/web/api2/v1/connectorAsyncTasks", context => ListAsync(context, state));

    private static async Task ListAsync(HttpContext context, EmulatorState state)
    {
        var query = ConnectorTaskQuery.Parse(context.Request.Query, state.Clock.UtcNow, out var error);
        if (query is null)
        {
            await ApiResponses.InvalidArguments(context, error!);
            return;
        }
        var table = state.Data.Table(query.ProjectUid);
        if (table is null)
        {
            await ApiResponses.ProjectNotFound(context, query.ProjectUid);
            return;
        }
        await state.DelayAsync(context, state.Options.PageLatency);
        await ConnectorTaskPageWriter.WriteAsync(context, table, query);
    }
}
