using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>TM upkeep: POST /api2/v2/transMemories/{transMemoryUid}/import (importTransMemoryV2: an octet-stream TMX,
/// Content-Disposition <c>filename*=UTF-8''…</c> only → 202 AsyncRequestWrapperV2Dto, action IMPORT_TMX, finishing with
/// acceptedSegmentsCount = the TMX's &lt;tu&gt; count, which the TM's segment count then grows by), POST
/// /api2/v2/transMemories/{transMemoryUid}/export (exportV2, ExportTMDto → 200 AsyncExportTMResponseDto, action EXPORT_TMX),
/// GET /api2/v1/transMemories/downloadExport/{asyncRequestId} (downloadSearchResult: the TMX, once) and
/// GET /api2/v1/transMemories/{transMemoryUid}/metadata (getMetadata: segmentsCount). See <see cref="TransMemoryContent"/>.</summary>
internal static class TransMemoryFileRoutes
{
    /// <summary>The only Content-Disposition form this endpoint accepts (its parameter description).</summary>
    private static readonly Regex DispositionPattern = new("^((inline|attachment); )?filename\\*=UTF-8''(?<name>.+)$", RegexOptions.CultureInvariant);
    private const int MaxTmxBytes = 16 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/web/api2/v2/transMemories/{transMemoryUid}/import", context => ImportAsync(context, state));
        app.MapPost("/web/api2/v2/transMemories/{transMemoryUid}/export", context => ExportAsync(context, state));
        app.MapGet("/web/api2/v1/transMemories/downloadExport/{asyncRequestId}", context => DownloadAsync(context, state));
        app.MapGet("/web/api2/v1/transMemories/{transMemoryUid}/metadata", context =>
        {
            var q = new QueryReader(context.Request.Query);
            var byLanguage = q.Bool("byLanguage");
            if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);
            if (Find(context, state, out var tm) is { } notFound) return notFound;
            var count = state.Data.Organization.TransMemoryContents.Of(tm!).SegmentsCount;
            return ApiResponses.WriteJsonAsync(context, 200, new JObject
            {
                ["segmentsCount"] = count,
                ["deduplicatedSegmentsCount"] = count,
                ["metadataByLanguage"] = byLanguage
                    ? new JObject(tm!.TargetLangs.Select(l => new JProperty(l, new JObject { ["segmentsCount"] = count })))
                    : null,
            });
        });
    }

    private static Task? Find(HttpContext context, EmulatorState state, out OrgTransMemory? tm)
    {
        var uid = (string)context.Request.RouteValues["transMemoryUid"]!;
        tm = state.Data.Organization.FindTransMemory(uid);
        return tm is null ? ApiResponses.ResourceNotFound(context, $"Translation memory {uid} not found") : null;
    }

    private static async Task ImportAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        q.Bool("strictLangMatching");
        q.Bool("stripNativeCodes", defaultValue: true);
        if (q.Error is { } error)
        {
            await ApiResponses.InvalidArguments(context, error);
            return;
        }
        var request = context.Request;
        var disposition = request.Headers.ContentDisposition.FirstOrDefault();
        if (disposition is null || !DispositionPattern.IsMatch(disposition))
        {
            await ApiResponses.InvalidArguments(context, "Content-Disposition: must match pattern ((inline|attachment); )?filename\\*=UTF-8''(.+)");
            return;
        }
        if (request.ContentType is not { } type || !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            await ApiResponses.WriteErrorAsync(context, 415, "UnsupportedMediaType",
                $"Content-Type '{request.ContentType}' is not supported: send the TMX as application/octet-stream");
            return;
        }
        if (Find(context, state, out var tm) is { } notFound)
        {
            await notFound;
            return;
        }
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > MaxTmxBytes)
        {
            await ApiResponses.InvalidArguments(context, "file: the emulator imports TMX files of at most 16 MB");
            return;
        }
        var tmx = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        if (!tmx.Contains("<tmx", StringComparison.Ordinal))
        {
            await ApiResponses.InvalidArguments(context, "file: not a TMX document (no <tmx> element)");
            return;
        }
        var units = TransMemoryContent.Units(tmx);
        var import = AsyncWork.Start(state, context, "IMPORT_TMX", null, acceptedSegmentsCount: units.Count);
        state.Data.Organization.TransMemoryContents.Of(tm!).AddImport(import, units);
        await ApiResponses.WriteJsonAsync(context, 202, AsyncWork.Wrapper(import));
    }

    private static async Task ExportAsync(HttpContext context, EmulatorState state)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context) ?? new JObject(); // the body is optional
        if (Find(context, state, out var tm) is { } notFound)
        {
            await notFound;
            return;
        }
        var langs = tm!.TargetLangs.ToList();
        if (body["exportTargetLangs"] is { Type: not JTokenType.Null } requested)
        {
            if (requested is not JArray array || array.Any(t => t.Type != JTokenType.String))
            {
                await ApiResponses.InvalidArguments(context, "exportTargetLangs: must be an array of language codes");
                return;
            }
            if (array.Select(t => (string)t!).FirstOrDefault(l => !tm.TargetLangs.Contains(l, StringComparer.OrdinalIgnoreCase)) is { } other)
            {
                await ApiResponses.InvalidArguments(context, $"exportTargetLangs: {other} is not a target language of translation memory {tm.Uid}");
                return;
            }
            if (array.Count > 0) langs = tm.TargetLangs.Where(l => array.Any(t => ((string)t!).Equals(l, StringComparison.OrdinalIgnoreCase))).ToList();
        }
        var contents = state.Data.Organization.TransMemoryContents;
        var request = AsyncWork.Start(state, context, "EXPORT_TMX", null);
        contents.AddExport(new TmExport(request, tm, langs, contents.Of(tm).Tmx(langs)));
        await ApiResponses.WriteJsonAsync(context, 200, new JObject
        {
            ["asyncRequest"] = AsyncWork.Dto(request),
            ["asyncExport"] = new JObject
            {
                ["transMemory"] = new JObject { ["id"] = tm.Id, ["uid"] = tm.Uid, ["name"] = tm.Name },
                ["exportTargetLangs"] = ReferenceJson.Strings(langs),
            },
        });
    }

    private static async Task DownloadAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var format = q.Enums("format", ["TMX", "XLSX"]);
        if (q.Error is { } error)
        {
            await ApiResponses.InvalidArguments(context, error);
            return;
        }
        if (format.Contains("XLSX"))
        {
            await ApiResponses.InvalidArguments(context, "format: the emulator exports TMX only");
            return;
        }
        var id = (string)context.Request.RouteValues["asyncRequestId"]!;
        var contents = state.Data.Organization.TransMemoryContents;
        var export = contents.FindExport(id);
        if (export is null)
        {
            await ApiResponses.ResourceNotFound(context, $"Export {id} not found");
            return;
        }
        if (!export.Request.IsFinished)
        {
            await ApiResponses.WriteErrorAsync(context, 400, "AsyncRequestNotFinished",
                $"Async request {id} has not finished yet: wait for it (GET /api2/v1/async/{id})");
            return;
        }
        if (!contents.UseExport(id))
        {
            await ApiResponses.ResourceNotFound(context, $"Async request {id} was already used to download the export: export again");
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(export.Tmx);
        TransferRoutes.WriteFileHeaders(context.Response, bytes.Length, export.TransMemory.Name + ".tmx");
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
