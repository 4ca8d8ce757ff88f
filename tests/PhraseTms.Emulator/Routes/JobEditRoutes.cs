using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Job edits: PUT /api2/v1/projects/{projectUid}/jobs/{jobUid} (editPart, JobPartUpdateSingleDto: status
/// required) and PATCH (patchPart, JobPartPatchSingleDto: every field optional) → 200 JobPartExtendedDto; PUT
/// /api2/v1/projects/{projectUid}/jobs/batch (editParts, JobPartUpdateBatchDto {jobs: [{uid}], status, …}) → 200
/// JobPartsDto {jobs: [JobPartReference]}. Fields: status (enum), dateDue (date-time), providers ([{type: USER, id}] of
/// organization users; no vendors are seeded). Checks in order: body, fields, then project and jobs (404).</summary>
internal static class JobEditRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPut("/web/api2/v1/projects/{projectUid}/jobs/batch", context => EditAsync(context, state, batch: true, statusRequired: true));
        app.MapPut("/web/api2/v1/projects/{projectUid}/jobs/{jobUid}", context => EditAsync(context, state, batch: false, statusRequired: true));
        app.MapPatch("/web/api2/v1/projects/{projectUid}/jobs/{jobUid}", context => EditAsync(context, state, batch: false, statusRequired: false));
    }

    private static async Task EditAsync(HttpContext context, EmulatorState state, bool batch, bool statusRequired)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object");
            return;
        }
        var uids = new List<string>();
        var invalid = batch ? FlowRequests.JobUids(body, out uids) : null;
        string? status = null;
        if (invalid is null) RequestJson.TryEnum(body, "status", OrgJob.Statuses, statusRequired, out status, out invalid);
        DateTimeOffset? due = null;
        if (invalid is null && body["dateDue"] is { Type: not JTokenType.Null } dueToken)
        {
            if (dueToken.Type == JTokenType.String && ApiDates.TryParse((string?)dueToken, out var parsed)) due = parsed;
            else invalid = "dateDue: must be a date-time (ISO 8601)";
        }
        IReadOnlyList<OrgJobProvider>? providers = null;
        if (invalid is null) invalid = Providers(state, body, out providers);
        if (invalid is not null)
        {
            await ApiResponses.InvalidArguments(context, invalid);
            return;
        }
        if (!batch) uids = [(string)context.Request.RouteValues["jobUid"]!];
        if (await RouteLookups.ProjectJobsAsync(context, state, uids) is not { } found) return;
        var (project, jobs) = found;
        foreach (var job in jobs) job.Edit(status, due, providers);
        await ApiResponses.WriteJsonAsync(context, 200, batch
            ? new JObject { ["jobs"] = new JArray(jobs.Select(PartReference)) }
            : JobJson.Extended(jobs[0], Math.Max(1, project.WorkflowSteps.Count)));
    }

    /// <summary>providers: null = keep; else ProviderReference {type: USER, id or uid} of an organization user.</summary>
    private static string? Providers(EmulatorState state, JObject body, out IReadOnlyList<OrgJobProvider>? providers)
    {
        providers = null;
        if (body["providers"] is not { Type: not JTokenType.Null } token) return null;
        if (token is not JArray array) return "providers: must be an array";
        var result = new List<OrgJobProvider>();
        foreach (var p in array)
        {
            if (p is not JObject o || (string?)o["type"] is not { } type) return "providers[].type: must not be null";
            if (type != "USER") return $"providers[].type: {type} — only USER providers exist in this organization";
            var id = (string?)o["id"];
            var uid = (string?)o["uid"];
            var user = state.Data.Organization.Users.FirstOrDefault(u => u.DateDeleted is null && (u.Id == id || (id is null && u.Uid == uid)));
            if (user is null) return $"providers[].id: no user with id {id ?? uid}";
            result.Add(new OrgJobProvider("USER", user.Id, user.Uid));
        }
        providers = result;
        return null;
    }

    /// <summary>JobPartReference.</summary>
    private static JObject PartReference(OrgJob j) => new()
    {
        ["uid"] = j.Uid,
        ["status"] = j.Status,
        ["providers"] = new JArray(j.Providers.Select(p => new JObject { ["type"] = p.Type, ["id"] = p.Id, ["uid"] = p.Uid })),
        ["targetLang"] = j.TargetLang,
        ["workflowLevel"] = j.WorkflowLevel,
        ["workflowStep"] = j.WorkflowStep is { } s ? ReferenceJson.WorkflowStep(s.Step) : null,
        ["filename"] = j.Filename,
        ["dateDue"] = ReferenceJson.Date(j.DateDue),
        ["dateCreated"] = ReferenceJson.Date(j.DateCreated),
        ["updateSourceDate"] = ReferenceJson.Date(j.DateCreated),
        ["imported"] = j.Imported,
        ["jobAssignedEmailTemplate"] = null,
        ["notificationIntervalInMinutes"] = null,
        ["continuous"] = j.Continuous,
        ["sourceFileUid"] = j.SourceFileUid,
    };
}
