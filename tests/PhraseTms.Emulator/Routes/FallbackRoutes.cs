namespace PhraseTms.Emulator;

/// <summary>Anything else under /web/api2 (unknown path, or a known path with another method): 404 NotFound.</summary>
internal static class FallbackRoutes
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapFallback("/web/api2/{**rest}", context =>
            ApiResponses.WriteErrorAsync(context, 404, "NotFound", $"No API endpoint {context.Request.Method} {context.Request.Path}"));
}
