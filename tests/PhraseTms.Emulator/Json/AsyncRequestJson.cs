using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>AsyncRequestDto as JSON: {id, createdBy, dateCreated, action, asyncResponse, parent, project}. asyncResponse
/// is null until finished; absent optional values are written as null, dates with "Z".</summary>
internal static class AsyncRequestJson
{
    public static JObject Build(AsyncRequest request, DateTimeOffset? finishedAt) => new()
    {
        ["id"] = request.Id,
        ["createdBy"] = UserReference(request.CreatedBy),
        ["dateCreated"] = ApiDates.Z(request.DateCreated),
        ["action"] = request.Action,
        ["asyncResponse"] = finishedAt is { } at ? Response(request.Outcome, at) : null,
        ["parent"] = null,
        ["project"] = request.Project is { } p ? new JObject { ["name"] = p.Name, ["uid"] = p.Uid } : null,
    };

    /// <summary>UserReference as the async endpoints show it.</summary>
    public static JObject UserReference(UserAccount a) => new()
    {
        ["email"] = a.Email,
        ["firstName"] = a.FirstName,
        ["id"] = a.Id,
        ["lastName"] = a.LastName,
        ["uid"] = a.Uid,
        ["userName"] = a.UserName,
    };

    private static JObject Response(AsyncOutcome o, DateTimeOffset finishedAt) => new()
    {
        ["dateCreated"] = ApiDates.Z(finishedAt),
        ["errorCode"] = o.ErrorCode,
        ["errorDesc"] = o.ErrorDesc,
        ["errorDetails"] = Details(o.ErrorDetails),
        ["warnings"] = Details(o.Warnings),
        ["acceptedSegmentsCount"] = o.AcceptedSegmentsCount,
    };

    private static JArray Details(IEnumerable<AsyncErrorDetail> details) => new(details.Select(d => new JObject
    {
        ["code"] = d.Code,
        ["args"] = new JObject(d.Args.Select(kv => new JProperty(kv.Key, kv.Value))),
        ["message"] = d.Message,
    }));
}
