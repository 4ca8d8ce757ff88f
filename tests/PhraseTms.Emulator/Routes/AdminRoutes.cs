using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Control routes for scripts and the demo, outside /web: no authentication, not journaled, never faulted.
/// GET /_emulator/health, GET|DELETE /_emulator/requests, GET|POST|DELETE /_emulator/faults, POST /_emulator/expire-tokens.
/// The journal is shown with secrets redacted (Authorization value, token query parameters, password/code fields).</summary>
internal static class AdminRoutes
{
    public const string Prefix = "/_emulator";

    public static bool IsAdminPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet(Prefix + "/health", c => ApiResponses.WriteJsonAsync(c, 200, new JObject { ["status"] = "ok" }));
        app.MapGet(Prefix + "/requests", c => ApiResponses.WriteJsonAsync(c, 200, new JArray(state.Journal.All.Select(Describe))));
        app.MapDelete(Prefix + "/requests", c =>
        {
            state.Journal.Clear();
            c.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapGet(Prefix + "/faults", c => ApiResponses.WriteJsonAsync(c, 200, new JObject
        {
            ["triggered"] = state.Faults.Triggered,
            ["faults"] = new JArray(state.Faults.Snapshot().Select(f =>
            {
                var o = FaultJson.Describe(f.Method, f.PathContains, f.Fault);
                o["applied"] = f.Applied;
                o["skipped"] = f.Skipped;
                return o;
            })),
        }));
        app.MapPost(Prefix + "/faults", async c =>
        {
            var body = await ApiResponses.ReadJsonObjectAsync(c);
            if (body is null)
            {
                await ApiResponses.InvalidArguments(c, "The body must be a JSON object describing a fault");
                return;
            }
            if (!FaultJson.TryParse(body, out var method, out var path, out var fault, out var error))
            {
                await ApiResponses.InvalidArguments(c, error!);
                return;
            }
            state.Faults.Add(method, path, fault!);
            await ApiResponses.WriteJsonAsync(c, 201, FaultJson.Describe(method, path, fault!));
        });
        app.MapDelete(Prefix + "/faults", c =>
        {
            state.Faults.Clear();
            c.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost(Prefix + "/expire-tokens", c =>
        {
            state.Tokens.ExpireAll();
            c.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapFallback(Prefix + "/{**rest}", c => ApiResponses.WriteErrorAsync(c, 404, "NotFound", "Unknown emulator admin route"));
    }

    private static JObject Describe(RecordedRequest r) => new()
    {
        ["method"] = r.Method,
        ["path"] = r.Path,
        ["query"] = Redaction.Query(r.Query),
        ["authorization"] = Redaction.Authorization(r.AuthorizationHeader),
        ["contentType"] = r.ContentType,
        ["body"] = Redaction.Body(r.Body),
        ["statusCode"] = r.StatusCode,
        ["fault"] = r.Fault?.ToString(),
        ["timestamp"] = r.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };
}
