using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>POST /api2/v1/projects/{projectUid}/jobs/connectorTask?downloadTaskId=..&amp;continuous=false.
/// 201 {unsupportedFiles, jobs (JobPartReference), asyncRequest {id, dateCreated, action}, warnings}; absent optional
/// JobPartReference values are written as null. Test hooks: a task file ending in .exe/.bin is unsupported (listed in
/// unsupportedFiles, no jobs); target language "xx" adds a STYLEGUIDE warning; "fail" makes the import fail.
/// The created jobs join the project's jobs (GET /api2/v2/projects/{projectUid}/jobs) with status NEW.</summary>
internal static class JobRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapPost("/web/api2/v1/projects/{projectUid}/jobs/connectorTask", context => CreateAsync(context, state));

    private static async Task CreateAsync(HttpContext context, EmulatorState state)
    {
        var projectUid = (string)context.Request.RouteValues["projectUid"]!;
        var downloadTaskId = context.Request.Query["downloadTaskId"].FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (downloadTaskId is null)
        {
            await ApiResponses.InvalidArguments(context, "downloadTaskId: must not be null");
            return;
        }
        var continuousText = context.Request.Query["continuous"].FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var continuous = false;
        if (continuousText is not null && !bool.TryParse(continuousText, out continuous))
        {
            await ApiResponses.InvalidArguments(context, "continuous: must be true or false");
            return;
        }
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object (JobCreateRequestDto)");
            return;
        }
        if (JobCreateValidator.Validate(body) is { } invalid)
        {
            await ApiResponses.InvalidArguments(context, invalid);
            return;
        }
        var project = state.Data.FindProject(projectUid);
        if (project is null)
        {
            await ApiResponses.ProjectNotFound(context, projectUid);
            return;
        }
        var (table, row) = state.Data.FindTaskRow(downloadTaskId);
        if (table is null)
        {
            await ApiResponses.WriteErrorAsync(context, 404, "ConnectorTaskNotFound", $"Connector task {downloadTaskId} not found");
            return;
        }
        var task = table.Get(row);
        var problem = task.ProjectUid != project.Uid ? $"Connector task {task.Id} does not belong to project {project.Uid}"
            : task.TaskType != "DOWNLOAD" ? $"Connector task {task.Id} is not a DOWNLOAD task (taskType {task.TaskType})"
            : task.Status != "SUCCESS" ? $"Connector task {task.Id} has not finished successfully (status {task.Status})"
            : null;
        if (problem is not null)
        {
            await ApiResponses.WriteErrorAsync(context, 400, "JobCreateError", problem);
            return;
        }

        var answer = Create(state, context, project, task, body, continuous);
        await ApiResponses.WriteJsonAsync(context, 201, answer);
    }

    private static JObject Create(EmulatorState state, HttpContext context, EmulatorProject project, ConnectorTask task, JObject body, bool continuous)
    {
        var data = state.Data;
        var now = EmulatorClock.TruncateToSecond(state.Clock.UtcNow);
        var langs = body["targetLangs"]!.Values<string>().Select(l => l!).ToArray();
        var unsupported = task.JobFileName.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
            || task.JobFileName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase);
        var firstStep = body["workflowSettings"] is JArray { Count: > 0 } steps ? (JObject)steps[0] : null;
        var due = (string?)body["due"] ?? (string?)firstStep?["due"];
        var notify = body["notifyProvider"] as JObject ?? firstStep?["notifyProvider"] as JObject;
        var interval = JobCreateValidator.IsAbsent(notify?["notificationIntervalInMinutes"]) ? (int?)null : (int)notify!["notificationIntervalInMinutes"]!;
        var sourceFileUid = SplitMix.Uid(data.Seed ^ 0xF11E, long.Parse(task.Id, System.Globalization.CultureInfo.InvariantCulture), 20);

        var jobs = new JArray();
        var jobUids = new List<string>();
        var warnings = new JArray();
        if (!unsupported)
        {
            foreach (var lang in langs)
            {
                var uid = data.NextUid();
                jobUids.Add(uid);
                jobs.Add(new JObject
                {
                    ["uid"] = uid,
                    ["status"] = "NEW",
                    ["providers"] = Providers(data.Seed, body, firstStep, lang),
                    ["targetLang"] = lang,
                    ["workflowLevel"] = 1,
                    ["workflowStep"] = project.HasWorkflow
                        ? new JObject { ["name"] = "Translation", ["id"] = "7001", ["uid"] = "wfStepTransl01", ["order"] = 1, ["lqaEnabled"] = false }
                        : null,
                    ["filename"] = task.JobFileName,
                    ["dateDue"] = due is not null && ApiDates.TryParse(due, out var d) ? ApiDates.Z(d) : null,
                    ["dateCreated"] = ApiDates.Z(now),
                    ["updateSourceDate"] = ApiDates.Z(now),
                    ["imported"] = false,
                    ["jobAssignedEmailTemplate"] = null,
                    ["notificationIntervalInMinutes"] = interval,
                    ["continuous"] = continuous,
                    ["sourceFileUid"] = sourceFileUid,
                });
                if (lang == "xx")
                    warnings.Add(new JObject
                    {
                        ["domain"] = "STYLEGUIDE",
                        ["message"] = "No style guide is assigned for target language xx; the job was created without one",
                        ["jobPartIds"] = new JArray(uid),
                    });
            }
        }

        ProjectJobRoutes.RecordCreatedJobs(data, project.Uid, jobs, words: 1200);

        var outcome = langs.Contains("fail")
            ? new AsyncOutcome("JobImportFailed", $"Import of {task.JobFileName} failed for target language fail",
                [new AsyncErrorDetail("IMPORT_FAILED", new Dictionary<string, string> { ["fileName"] = task.JobFileName, ["targetLang"] = "fail" },
                    "The file could not be imported: unsupported target language 'fail'")],
                [new AsyncErrorDetail("PARTIAL_IMPORT", new Dictionary<string, string> { ["targetLang"] = "fail" },
                    "Jobs of the other target languages were not affected")],
                null)
            : new AsyncOutcome(null, null, [], [], null);
        var asyncRequest = data.AddAsyncRequest("IMPORT_JOB", now, AuthMiddleware.User(context), project, outcome, state.Options.AsyncPollsToFinish);

        data.AddCreatedJobs(new CreatedJobs(project.Uid, task.Id, continuous, body.ToString(Formatting.None), langs, jobUids,
            unsupported ? [task.JobFileName] : [], asyncRequest.Id, now));

        return new JObject
        {
            ["unsupportedFiles"] = unsupported ? new JArray(task.JobFileName) : new JArray(),
            ["jobs"] = jobs,
            ["asyncRequest"] = new JObject
            {
                ["id"] = asyncRequest.Id,
                ["dateCreated"] = ApiDates.Z(asyncRequest.DateCreated),
                ["action"] = asyncRequest.Action,
            },
            ["warnings"] = warnings,
        };
    }

    /// <summary>ProviderReference {type, id, uid} of the assignments for this language (top-level assignments, else those of
    /// the first workflow step).</summary>
    private static JArray Providers(int seed, JObject body, JObject? firstStep, string lang)
    {
        var assignments = body["assignments"] as JArray ?? firstStep?["assignments"] as JArray;
        var result = new JArray();
        if (assignments is null) return result;
        foreach (var a in assignments.OfType<JObject>().Where(a => (string?)a["targetLang"] == lang))
        {
            foreach (var p in (a["providers"] as JArray ?? []).OfType<JObject>())
            {
                var type = (string)p["type"]!;
                var id = (string?)p["id"];
                result.Add(new JObject { ["type"] = type, ["id"] = id, ["uid"] = SplitMix.Uid(seed, StableHash(type + ":" + id), 20) });
            }
        }
        return result;
    }

    private static long StableHash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return (long)h;
    }
}
