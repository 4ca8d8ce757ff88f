namespace PhraseTms.Emulator;

/// <summary>What the flow routes look up from the route and body, answering the API's 404 when it is not there.</summary>
internal static class RouteLookups
{
    /// <summary>
    /// The route's {projectUid} project and the jobs <paramref name="uids"/> name in it, in that order; null once the
    /// 404 is written (the project first, then the first job missing).
    /// </summary>
    public static async Task<(OrgProject Project, List<OrgJob> Jobs)?> ProjectJobsAsync(HttpContext context, EmulatorState state, IReadOnlyList<string> uids)
    {
        var projectUid = (string)context.Request.RouteValues["projectUid"]!;
        var project = state.Data.Organization.Projects.Find(projectUid);
        if (project is null)
        {
            await ApiResponses.ProjectNotFound(context, projectUid);
            return null;
        }
        var jobs = new List<OrgJob>();
        foreach (var uid in uids)
        {
            if (project.FindJob(uid) is not { } job)
            {
                await ApiResponses.ResourceNotFound(context, $"Job {uid} not found in project {projectUid}");
                return null;
            }
            jobs.Add(job);
        }
        return (project, jobs);
    }
}
