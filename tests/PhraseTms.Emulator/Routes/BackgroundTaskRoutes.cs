using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>GET /api2/v1/transMemories/{uid}/lastBackgroundTask and /api2/v1/termBases/{uid}/lastBackgroundTask
/// (BackgroundTasksTmDto / BackgroundTasksTbDto). Every field is always written, null when absent.
/// <para>Never-run decision: for a TM/TB that never ran a background task we answer 200 with every field null (status,
/// asyncRequest, metadata, texts). The real API's DTO has no "none" marker and every field is optional, and the endpoint
/// reports the state of an existing resource, so an empty DTO is the most plausible answer; 404 is kept for unknown
/// uids only.</para></summary>
internal static class BackgroundTaskRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v1/transMemories/{transMemoryUid}/lastBackgroundTask", context =>
            GetAsync(context, state, state.Data.FindTransMemory((string)context.Request.RouteValues["transMemoryUid"]!),
                (string)context.Request.RouteValues["transMemoryUid"]!, "Translation memory"));
        app.MapGet("/web/api2/v1/termBases/{termBaseUid}/lastBackgroundTask", context =>
            GetAsync(context, state, state.Data.FindTermBase((string)context.Request.RouteValues["termBaseUid"]!),
                (string)context.Request.RouteValues["termBaseUid"]!, "Term base"));
    }

    private static Task GetAsync(HttpContext context, EmulatorState state, BackgroundTaskResource? resource, string uid, string kind)
    {
        if (resource is null) return ApiResponses.ResourceNotFound(context, $"{kind} {uid} not found");
        var request = resource.LastAsyncRequestId is { } id ? state.Data.FindAsyncRequest(id) : null;
        if (request is null) return ApiResponses.WriteJsonAsync(context, 200, Build(null, null, null, null, null, null, null, null));

        var finishedAt = request.Poll(state.Clock.UtcNow);
        var finished = finishedAt is not null;
        var ok = finished && request.Outcome.ErrorCode is null;
        var failed = finished && !ok;
        return ApiResponses.WriteJsonAsync(context, 200, Build(
            AsyncRequestJson.Build(request, finishedAt),
            ok ? resource.FinishedDataText : null,
            failed ? resource.LastTaskError : null,
            failed ? resource.LastTaskErrorHtml : null,
            finished ? (ok ? "true" : "false") : null,
            resource.LastTaskString,
            ok && resource.Metadata is { } m ? Metadata(m) : null,
            !finished ? "RUNNING" : ok ? "OK" : "ERROR"));
    }

    // Field order as on the documentation page.
    private static JObject Build(JObject? asyncRequest, string? finishedDataText, string? lastTaskError, string? lastTaskErrorHtml,
        string? lastTaskOk, string? lastTaskString, JObject? metadata, string? status) => new()
    {
        ["asyncRequest"] = asyncRequest,
        ["finishedDataText"] = finishedDataText,
        ["lastTaskError"] = lastTaskError,
        ["lastTaskErrorHtml"] = lastTaskErrorHtml,
        ["lastTaskOk"] = lastTaskOk,
        ["lastTaskString"] = lastTaskString,
        ["metadata"] = metadata,
        ["status"] = status,
    };

    private static JObject Metadata(BackgroundTaskMetadata m) => new()
    {
        ["deduplicatedSegmentsCount"] = m.DeduplicatedSegmentsCount,
        ["metadataByLanguage"] = new JObject(m.SegmentsCountByLanguage.Select(kv =>
            new JProperty(kv.Key, new JObject { ["segmentsCount"] = kv.Value }))),
        ["segmentsCount"] = m.SegmentsCount,
    };
}
