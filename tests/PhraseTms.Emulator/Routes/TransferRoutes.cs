using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>
/// File transfers, streamed both ways and flat in memory: POST /api2/v1/projects/{projectUid}/jobs (createJob: the
/// file as an octet-stream body with Content-Disposition, or multipart/form-data; metadata in the Memsource header)
/// counts and hashes what it receives; GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/original and the one-shot
/// GET /api2/v2/projects/{projectUid}/jobs/{jobUid}/downloadTargetFile/{asyncRequestId} stream a
/// <see cref="SyntheticFile"/>. See README.md.
/// </summary>
internal static class TransferRoutes
{
    /// <summary>Phrase's limit per request (1 GB = 1 GiB here), plus room for multipart framing.</summary>
    public const long MaxFileBytes = 1L << 30;
    private const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;

    // Phrase's documented pattern for the header: ((inline|attachment); )?(filename\*=UTF-8''(.+)|filename="?(.+)"?)
    private static readonly System.Text.RegularExpressions.Regex DispositionPattern =
        new("^((inline|attachment); )?(filename\\*=UTF-8''(?<star>.+)|filename=\"?(?<plain>[^\"]+)\"?)$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/web/api2/v1/projects/{projectUid}/jobs", context => UploadAsync(context, state));
        app.MapGet("/web/api2/v1/projects/{projectUid}/jobs/{jobUid}/original", context => DownloadAsync(context, state, oneShot: false));
        app.MapGet("/web/api2/v2/projects/{projectUid}/jobs/{jobUid}/downloadTargetFile/{asyncRequestId}",
            context => DownloadAsync(context, state, oneShot: true));
    }

    /// <summary>Whether a request body is a file (not read by the journal, see JournalMiddleware).</summary>
    public static bool IsBinary(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
                                    || contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase));

    private static async Task UploadAsync(HttpContext context, EmulatorState state)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxRequestBytes;
        var request = context.Request;
        var projectUid = (string)request.RouteValues["projectUid"]!;
        var memsource = request.Headers["Memsource"].FirstOrDefault();
        JObject? meta = null;
        if (memsource is not null)
        {
            // Dates stay strings (due is checked below as the API checks it).
            try { meta = JToken.ReadFrom(new JsonTextReader(new StringReader(memsource)) { DateParseHandling = DateParseHandling.None }) as JObject; }
            catch (JsonException) { await ApiResponses.InvalidArguments(context, "Memsource: the header must be a JSON object"); return; }
        }
        if (memsource is not null && meta is null) { await ApiResponses.InvalidArguments(context, "Memsource: the header must be a JSON object"); return; }
        if (meta?["targetLangs"] is not JArray { Count: > 0 } langs)
        {
            await ApiResponses.InvalidArguments(context, "targetLangs: must not be empty");
            return;
        }
        var path = meta["path"]?.Type == JTokenType.String ? (string?)meta["path"] : null;
        DateTimeOffset? due = null;
        if (meta["due"] is { Type: not JTokenType.Null } dueToken)
        {
            if (dueToken.Type != JTokenType.String || !ApiDates.TryParse((string?)dueToken, out var parsed))
            {
                await ApiResponses.InvalidArguments(context, "due: must be a date-time (ISO 8601)");
                return;
            }
            due = parsed;
        }
        var project = state.Data.Organization.Projects.Find(projectUid);
        if (project is null)
        {
            await ApiResponses.ProjectNotFound(context, projectUid);
            return;
        }

        var contentType = request.ContentType ?? "";
        var disposition = request.Headers.ContentDisposition.FirstOrDefault();
        List<ReceivedPart> parts = [];
        if (contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            var match = disposition is null ? null : DispositionPattern.Match(disposition);
            if (match is not { Success: true })
            {
                await ApiResponses.InvalidArguments(context, "Content-Disposition: must match pattern ((inline|attachment); )?(filename\\*=UTF-8''(.+)|filename=\"?(.+)\"?)");
                return;
            }
            var fileName = match.Groups["star"].Success ? Uri.UnescapeDataString(match.Groups["star"].Value) : match.Groups["plain"].Value;
            parts.Add(await HashAsync(null, fileName, contentType, request.Body, request.ContentLength, context.RequestAborted));
        }
        else if (MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                 && HeaderUtilities.RemoveQuotes(media.Boundary).Value is { Length: > 0 } boundary)
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var part);
                var name = HeaderUtilities.RemoveQuotes(part?.Name ?? default).Value;
                var fileName = part is null ? null : part.FileNameStar.HasValue ? part.FileNameStar.Value : HeaderUtilities.RemoveQuotes(part.FileName).Value;
                if (!string.IsNullOrEmpty(fileName))
                    parts.Add(await HashAsync(name, fileName, section.ContentType, section.Body, request.ContentLength, context.RequestAborted));
                else
                    using (var text = new StreamReader(section.Body, Encoding.UTF8))
                        parts.Add(new ReceivedPart(name, null, section.ContentType, 0, null, await text.ReadToEndAsync(context.RequestAborted)));
            }
            if (!parts.Any(p => p.FileName is not null))
            {
                await ApiResponses.InvalidArguments(context, "file: the multipart body has no file part");
                return;
            }
        }
        else
        {
            await ApiResponses.WriteErrorAsync(context, 415, "UnsupportedMediaType", $"Content-Type '{contentType}' is not supported: send application/octet-stream or multipart/form-data");
            return;
        }
        if (parts.FirstOrDefault(p => p.Bytes > MaxFileBytes) is { } tooLarge)
        {
            await ApiResponses.InvalidArguments(context, $"file: {tooLarge.FileName} is larger than 1 GB");
            return;
        }
        state.Data.Transfers.AddUpload(new ReceivedUpload(projectUid, contentType, disposition, memsource, parts));
        await ApiResponses.WriteJsonAsync(context, 201, CreateJobs(state, context, project, parts.First(p => p.FileName is not null),
            langs.Values<string>().Select(l => l!).ToArray(), path, due));
    }

    private static async Task<ReceivedPart> HashAsync(string? name, string fileName, string? contentType, Stream body, long? requestLength, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Kept only when it is small: a large upload must stay flat in memory (TransferMemoryTests, the T2 benchmark).
        var keep = requestLength is { } n ? (n <= JobFiles.MaxKeptBytes ? n : 0) : JobFiles.MaxKeptUnannouncedBytes;
        var kept = keep > 0 ? new MemoryStream((int)Math.Min(keep, 1 << 20)) : null;
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            bytes += read;
            if (kept is not null && bytes <= keep) kept.Write(buffer, 0, read);
            else kept = null;
        }
        return new ReceivedPart(name, fileName, contentType, bytes, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(), null)
        {
            Content = kept?.ToArray(),
        };
    }

    /// <summary>Creates one job per target language in the project (status NEW, level 1, not imported until its IMPORT_JOB
    /// request has finished) and answers JobListDto {unsupportedFiles, jobs (JobPartReference), asyncRequest}.</summary>
    private static JObject CreateJobs(EmulatorState state, HttpContext context, OrgProject project, ReceivedPart file, string[] langs,
        string? path, DateTimeOffset? due)
    {
        var data = state.Data;
        var now = EmulatorClock.TruncateToSecond(state.Clock.UtcNow);
        var import = AsyncWork.Start(state, context, "IMPORT_JOB", project);
        var source = new JobSourceFile(file.FileName!, path, file.Bytes, file.Sha256!, file.Content);
        var sourceFileUid = data.NextUid(20);
        var step = project.WorkflowSteps.FirstOrDefault(s => s.WorkflowLevel == 1);
        var jobs = new JArray();
        foreach (var lang in langs)
        {
            var uid = data.NextUid();
            project.AddJob(innerId => new OrgJob
            {
                Uid = uid,
                InnerId = innerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ProjectUid = project.Uid,
                ProjectName = project.Name,
                SourceLang = project.SourceLang,
                TargetLang = lang,
                WorkflowLevel = 1,
                WorkflowStep = step,
                Filename = source.FileName,
                OriginalFileDirectory = path,
                DateCreated = now,
                DateDue = due,
                WordsCount = JobFiles.WordsFromSize(source.Length),
                SourceFileUid = sourceFileUid,
                Owner = project.Owner,
                Status = OrgJob.New,
                SourceFile = source,
                Import = import,
            });
            jobs.Add(new JObject
            {
                ["uid"] = uid,
                ["status"] = OrgJob.New,
                ["providers"] = new JArray(),
                ["targetLang"] = lang,
                ["workflowLevel"] = 1,
                ["workflowStep"] = step is null ? null : ReferenceJson.WorkflowStep(step.Step),
                ["filename"] = source.FileName,
                ["dateDue"] = due is { } d ? ApiDates.Z(d) : null,
                ["dateCreated"] = ApiDates.Z(now),
                ["updateSourceDate"] = ApiDates.Z(now),
                ["imported"] = false,
                ["jobAssignedEmailTemplate"] = null,
                ["notificationIntervalInMinutes"] = null,
                ["continuous"] = false,
                ["sourceFileUid"] = sourceFileUid,
            });
        }
        return new JObject
        {
            ["unsupportedFiles"] = new JArray(),
            ["jobs"] = jobs,
            ["asyncRequest"] = new JObject
            {
                ["id"] = import.Id,
                ["dateCreated"] = ApiDates.Z(import.DateCreated),
                ["action"] = import.Action,
            },
        };
    }

    private static async Task DownloadAsync(HttpContext context, EmulatorState state, bool oneShot)
    {
        var projectUid = (string)context.Request.RouteValues["projectUid"]!;
        var jobUid = (string)context.Request.RouteValues["jobUid"]!;
        var asyncRequestId = oneShot ? (string)context.Request.RouteValues["asyncRequestId"]! : null;
        var project = state.Data.Organization.Projects.Find(projectUid);
        var file = state.Data.Transfers.FindFile(jobUid);
        var job = file is null ? project?.FindJob(jobUid) : null;
        if (project is null || (file is null && job is null))
        {
            await ApiResponses.ResourceNotFound(context, $"Job {jobUid} not found in project {projectUid}");
            return;
        }
        if (oneShot && job is not null)
        {
            // A job's own target file: the async request must be a finished PUT …/targetFile of this job.
            var request = state.Data.FindAsyncRequest(asyncRequestId!);
            if (request is null || state.Data.Transfers.TargetFileJob(asyncRequestId!) != jobUid)
            {
                await ApiResponses.ResourceNotFound(context, $"Async request {asyncRequestId} for the target file of job {jobUid} not found");
                return;
            }
            if (!request.IsFinished)
            {
                await ApiResponses.WriteErrorAsync(context, 400, "AsyncRequestNotFinished",
                    $"Async request {asyncRequestId} has not finished yet: wait for it (GET /api2/v1/async/{asyncRequestId})");
                return;
            }
        }
        if (oneShot && !state.Data.Transfers.UseAsyncRequest(asyncRequestId!))
        {
            await ApiResponses.WriteErrorAsync(context, 404, "ResourceNotFound",
                $"Async request {asyncRequestId} was already used to download the file: request it again");
            return;
        }
        if (file is not null)
        {
            WriteFileHeaders(context.Response, file.Length, file.FileName);
            await file.WriteToAsync(context.Response.Body, context.RequestAborted);
            return;
        }
        var bytes = oneShot ? JobFiles.Target(job!) : JobFiles.Source(job!);
        WriteFileHeaders(context.Response, bytes.Length, job!.Filename);
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>200 application/octet-stream with an exact Content-Length and both file name forms.</summary>
    internal static void WriteFileHeaders(HttpResponse response, long length, string fileName)
    {
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength = length;
        response.Headers.ContentDisposition = $"attachment; filename=\"{Ascii(fileName)}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    private static string Ascii(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        return sb.ToString();
    }
}
