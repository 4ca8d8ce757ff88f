using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>POST /api2/v3/projects/{projectUid}/jobs/preTranslate (preTranslateV3, body PreTranslateJobsV3Dto {jobs:
/// [{uid}], segmentFilters, useProjectPreTranslateSettings, callbackUrl, preTranslateSettings}) → 202
/// AsyncRequestWrapperV2Dto of action PRE_TRANSLATE; the jobs count as translated (<see cref="OrgJob.Translated"/>) once
/// it has finished. Checks: body an object, <c>jobs</c> a non-empty array of {uid}, segmentFilters LOCKED/NOT_LOCKED,
/// the booleans; then project and jobs (404); a job still importing → 400 JobNotReady.</summary>
internal static class PreTranslateRoutes
{
    private static readonly string[] SegmentFilters = ["LOCKED", "NOT_LOCKED"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapPost("/web/api2/v3/projects/{projectUid}/jobs/preTranslate", context => PreTranslateAsync(context, state));

    private static async Task PreTranslateAsync(HttpContext context, EmulatorState state)
    {
        var body = await ApiResponses.ReadJsonObjectAsync(context);
        if (body is null)
        {
            await ApiResponses.InvalidArguments(context, "The request body must be a JSON object (PreTranslateJobsV3Dto)");
            return;
        }
        var invalid = FlowRequests.JobUids(body, out var uids) ?? FlowRequests.StringEnums(body, "segmentFilters", SegmentFilters);
        if (invalid is null) RequestJson.TryBool(body, "useProjectPreTranslateSettings", out _, out invalid);
        if (invalid is not null)
        {
            await ApiResponses.InvalidArguments(context, invalid);
            return;
        }
        if (await RouteLookups.ProjectJobsAsync(context, state, uids) is not { } found) return;
        var (project, jobs) = found;
        if (jobs.FirstOrDefault(j => !j.Imported) is { } notReady)
        {
            await ApiResponses.WriteErrorAsync(context, 400, "JobNotReady", $"Job {notReady.Uid} has not been imported yet (wait for its IMPORT_JOB request)");
            return;
        }
        var request = AsyncWork.Start(state, context, "PRE_TRANSLATE", project);
        foreach (var job in jobs) job.SetPreTranslation(request);
        await ApiResponses.WriteJsonAsync(context, 202, AsyncWork.Wrapper(request));
    }
}

/// <summary>Checks shared by the flow routes' request bodies; each answers the InvalidArguments description or null.</summary>
internal static class FlowRequests
{
    /// <summary><c>jobs</c>: a non-empty array of UidReference {uid} (duplicates dropped, order kept).</summary>
    public static string? JobUids(JObject body, out List<string> uids)
    {
        uids = [];
        if (body["jobs"] is not JArray { Count: > 0 } jobs) return "jobs: must not be empty";
        foreach (var j in jobs)
        {
            if (j is not JObject o || o["uid"] is not { Type: JTokenType.String } uid || string.IsNullOrWhiteSpace((string?)uid))
                return "jobs[].uid: must not be blank";
            if (!uids.Contains((string)uid!)) uids.Add((string)uid!);
        }
        return null;
    }

    /// <summary>An optional array of strings, each one of <paramref name="allowed"/>.</summary>
    public static string? StringEnums(JObject body, string field, string[] allowed)
    {
        var token = body[field];
        if (token is null || token.Type == JTokenType.Null) return null;
        if (token is not JArray array) return $"{field}: must be an array";
        foreach (var v in array)
            if (v.Type != JTokenType.String || !allowed.Contains((string)v!))
                return $"{field}: invalid value '{v}'; accepted values: {string.Join(", ", allowed)}";
        return null;
    }
}
