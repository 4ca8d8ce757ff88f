using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Jobs of a project: GET /api2/v2/projects/{projectUid}/jobs (listPartsV2, PageDtoJobPartReferenceV2, in
/// creation order), GET /api2/v1/projects/{projectUid}/jobs/{jobUid} (JobPartExtendedDto) and POST
/// /api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus (JobStatusChangeActionDto → 204). See README.md.</summary>
internal static class ProjectJobRoutes
{
    public const int MaxWorkflowLevel = 15;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/web/api2/v2/projects/{projectUid}/jobs", context => ListAsync(context, state));
        app.MapGet("/web/api2/v1/projects/{projectUid}/jobs/{jobUid}", context => GetAsync(context, state));
        app.MapPost("/web/api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus", context => SetStatusAsync(context, state));
    }

    private static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var q = new QueryReader(context.Request.Query);
        var page = q.Page();
        q.Bool("count");
        var level = q.Int("workflowLevel", min: 1, max: MaxWorkflowLevel) ?? 1;
        var statuses = q.Enums("status", OrgJob.Statuses);
        var assignedUser = q.Long("assignedUser");
        var dueInHours = q.Int("dueInHours");
        var filename = q.String("filename");
        var targetLang = q.String("targetLang");
        var assignedVendor = q.Long("assignedVendor");
        var notReady = q.Bool("notReady");
        if (q.Error is { } error) return ApiResponses.InvalidArguments(context, error);

        var uid = (string)context.Request.RouteValues["projectUid"]!;
        var project = state.Data.Organization.Projects.Find(uid);
        if (project is null) return ApiResponses.ProjectNotFound(context, uid);

        var now = state.Clock.UtcNow;
        var matching = project.Jobs
            .Where(j => j.WorkflowLevel == level)
            .Where(j => statuses.Count == 0 || statuses.Contains(j.Status))
            .Where(j => assignedUser is not { } u || HasProvider(j, "USER", u))
            .Where(j => assignedVendor is not { } v || HasProvider(j, "VENDOR", v))
            .Where(j => dueInHours is not { } h || (j.DateDue is { } due && (h == -1 ? due < now : due <= now + TimeSpan.FromHours(h))))
            .Where(j => filename is null || j.Filename.Contains(filename, StringComparison.OrdinalIgnoreCase))
            .Where(j => targetLang is null || j.TargetLang.Equals(targetLang, StringComparison.OrdinalIgnoreCase))
            .Where(j => notReady != true || !j.Imported) // notReady: jobs still importing
            .ToArray();
        return PageJson.WriteAsync(context, matching, page, JobJson.Reference);
    }

    private static Task GetAsync(HttpContext context, EmulatorState state)
    {
        if (!TryFind(context, state, out var project, out var job, out var notFound)) return notFound!;
        return ApiResponses.WriteJsonAsync(context, 200, JobJson.Extended(job!, Math.Max(1, project!.WorkflowSteps.Count)));
    }

    private static async Task SetStatusAsync(HttpContext context, EmulatorState state)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object (JobStatusChangeActionDto)");
            return;
        }
        if (!RequestJson.TryEnum(body, "requestedStatus", OrgJob.Statuses, required: true, out var status, out var error)
            || !RequestJson.TryBool(body, "notifyOwner", out _, out error)
            || !RequestJson.TryBool(body, "propagateStatus", out var propagate, out error))
        {
            await ApiResponses.InvalidArguments(context, error!);
            return;
        }
        if (!TryFind(context, state, out var project, out var job, out var notFound))
        {
            await notFound!;
            return;
        }
        job!.SetStatus(status!);
        if (propagate == true)
            foreach (var other in project!.Jobs.Where(j => j.SourceFileUid == job.SourceFileUid && j.TargetLang == job.TargetLang && j != job))
                other.SetStatus(status!);
        context.Response.StatusCode = 204;
    }

    /// <summary>The project and job of the route; otherwise the 404 answer (project first, then job).</summary>
    private static bool TryFind(HttpContext context, EmulatorState state, out OrgProject? project, out OrgJob? job, out Task? notFound)
    {
        var projectUid = (string)context.Request.RouteValues["projectUid"]!;
        var jobUid = (string)context.Request.RouteValues["jobUid"]!;
        job = null;
        notFound = null;
        project = state.Data.Organization.Projects.Find(projectUid);
        if (project is null) notFound = ApiResponses.ProjectNotFound(context, projectUid);
        else if ((job = project.FindJob(jobUid)) is null) notFound = ApiResponses.ResourceNotFound(context, $"Job {jobUid} not found in project {projectUid}");
        return notFound is null;
    }

    private static bool HasProvider(OrgJob j, string type, long id) =>
        j.Providers.Any(p => p.Type == type && p.Id == id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Records the jobs a POST .../jobs/connectorTask answered (JobPartReference JSON) in the project, so that the
    /// job routes list them (status NEW, workflow level 1).</summary>
    public static void RecordCreatedJobs(EmulatorData data, string projectUid, JArray jobs, int words)
    {
        var project = data.Organization.Projects.Find(projectUid);
        if (project is null) return;
        foreach (var j in jobs.OfType<JObject>())
        {
            var file = (string)j["filename"]!;
            // The connectorTask answer carries the task's full path as filename; the job keeps it.
            project.AddJob(innerId => new OrgJob
            {
                Uid = (string)j["uid"]!,
                InnerId = innerId.ToString(CultureInfo.InvariantCulture),
                ProjectUid = project.Uid,
                ProjectName = project.Name,
                SourceLang = project.SourceLang,
                TargetLang = (string)j["targetLang"]!,
                WorkflowLevel = 1,
                WorkflowStep = project.WorkflowSteps.FirstOrDefault(s => s.WorkflowLevel == 1),
                Filename = file, // as the creation answer showed it
                DateCreated = ApiDates.TryParse((string?)j["dateCreated"], out var created) ? created : data.Now,
                DateDue = ApiDates.TryParse((string?)j["dateDue"], out var due) ? due : null,
                WordsCount = words,
                SourceFileUid = (string)j["sourceFileUid"]!,
                Owner = project.Owner,
                Continuous = (bool?)j["continuous"] ?? false,
                Providers = (j["providers"] as JArray ?? []).OfType<JObject>()
                    .Select(p => new OrgJobProvider((string)p["type"]!, (string?)p["id"] ?? "", (string?)p["uid"] ?? "")).ToArray(),
                Status = OrgJob.New,
            });
        }
    }
}
