namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/async/{asyncRequestId}: each GET counts as one poll (see <see cref="AsyncRequest"/>).</summary>
internal static class AsyncRequestRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapGet("/web/api2/v1/async/{asyncRequestId}", context => GetAsync(context, state));

    private static Task GetAsync(HttpContext context, EmulatorState state)
    {
        var id = (string)context.Request.RouteValues["asyncRequestId"]!;
        var request = state.Data.FindAsyncRequest(id);
        if (request is null) return ApiResponses.ResourceNotFound(context, $"Async request {id} not found");
        var finishedAt = request.Poll(state.Clock.UtcNow);
        return ApiResponses.WriteJsonAsync(context, 200, AsyncRequestJson.Build(request, finishedAt));
    }
}
