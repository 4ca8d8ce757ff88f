using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Starts the async requests of the flow routes (target file, pre-translation, analyses, TM import/export): each
/// finishes after <see cref="EmulatorOptions.AsyncPollsToFinish"/> polls of GET /api2/v1/async/{id}, like every created one.</summary>
internal static class AsyncWork
{
    public static AsyncRequest Start(EmulatorState state, HttpContext context, string action, OrgProject? project, long? acceptedSegmentsCount = null)
    {
        var reference = project is null ? null
            : state.Data.FindProject(project.Uid) ?? new EmulatorProject(project.Uid, project.Name, project.WorkflowSteps.Count > 0);
        return state.Data.AddAsyncRequest(action, state.Clock.UtcNow, AuthMiddleware.User(context), reference,
            new AsyncOutcome(null, null, [], [], acceptedSegmentsCount), state.Options.AsyncPollsToFinish);
    }

    /// <summary>AsyncRequestV2Dto as just created (asyncResponse null).</summary>
    public static JObject Dto(AsyncRequest request) => AsyncRequestJson.Build(request, request.DateFinished);

    /// <summary>AsyncRequestWrapperV2Dto {asyncRequest}.</summary>
    public static JObject Wrapper(AsyncRequest request) => new() { ["asyncRequest"] = Dto(request) };
}
