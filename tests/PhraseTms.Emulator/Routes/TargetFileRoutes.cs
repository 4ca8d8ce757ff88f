namespace PhraseTms.Emulator;

/// <summary>PUT /api2/v2/projects/{projectUid}/jobs/{jobUid}/targetFile (completedFile_1): 202 AsyncRequestWrapperV2Dto
/// {asyncRequest} of action EXPORT_COMPLETE_FILE; once it has finished, GET …/downloadTargetFile/{asyncRequestId}
/// (<see cref="TransferRoutes"/>) serves the target once (<see cref="JobFiles.Target(OrgJob)"/>). Any job status is accepted,
/// as on the real API; a job still importing → 400 JobNotReady.</summary>
internal static class TargetFileRoutes
{
    public const string Action = "EXPORT_COMPLETE_FILE";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapPut("/web/api2/v2/projects/{projectUid}/jobs/{jobUid}/targetFile", context => RequestAsync(context, state));

    private static Task RequestAsync(HttpContext context, EmulatorState state)
    {
        var projectUid = (string)context.Request.RouteValues["projectUid"]!;
        var jobUid = (string)context.Request.RouteValues["jobUid"]!;
        var project = state.Data.Organization.Projects.Find(projectUid);
        if (project is null) return ApiResponses.ProjectNotFound(context, projectUid);
        var job = project.FindJob(jobUid);
        if (job is null) return ApiResponses.ResourceNotFound(context, $"Job {jobUid} not found in project {projectUid}");
        if (!job.Imported)
            return ApiResponses.WriteErrorAsync(context, 400, "JobNotReady", $"Job {jobUid} has not been imported yet (wait for its IMPORT_JOB request)");
        var request = AsyncWork.Start(state, context, Action, project);
        state.Data.Transfers.AddTargetFileRequest(request.Id, jobUid);
        return ApiResponses.WriteJsonAsync(context, 202, AsyncWork.Wrapper(request));
    }
}
