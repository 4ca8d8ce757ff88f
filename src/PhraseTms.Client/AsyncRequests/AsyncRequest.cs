using Newtonsoft.Json;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.AsyncRequests;

/// <summary>
/// An asynchronous request (AsyncRequestDto of GET /api2/v1/async/{id}, or the AsyncRequestReference a POST answers
/// with: then only Id, DateCreated and Action are set). It has finished once <see cref="AsyncResponse"/> is present.
/// </summary>
public sealed class AsyncRequest
{
    public string? Id { get; set; }

    [JsonIgnore] public AsyncAction? Action => ApiEnum.Parse<AsyncAction>(ActionText);

    /// <summary>Derived: Running until the response is there, then Succeeded or Failed (an errorCode).</summary>
    [JsonIgnore]
    public AsyncRequestState State => AsyncResponse is null ? AsyncRequestState.Running
        : AsyncResponse.IsError ? AsyncRequestState.Failed : AsyncRequestState.Succeeded;

    [JsonIgnore] public bool IsFinished => AsyncResponse is not null;

    public DateTimeOffset? DateCreated { get; set; }

    public AsyncResponse? AsyncResponse { get; set; }

    public UserReference? CreatedBy { get; set; }

    public ProjectReference? Project { get; set; }

    public AsyncRequest? Parent { get; set; }

    /// <summary>The action as the API sent it.</summary>
    [JsonProperty("action")] public string? ActionText { get; set; }

    /// <summary>Returns this request when it has not failed; throws the failure as a <see cref="PhraseTmsAsyncOperationException"/>.</summary>
    public AsyncRequest EnsureSucceeded() =>
        State == AsyncRequestState.Failed ? throw PhraseTmsAsyncOperationException.Failed(this) : this;

    /// <summary>"Async request 9100001 (IMPORT_JOB)", for messages.</summary>
    [JsonIgnore] public string DisplayName => ActionText is null ? $"Async request {Id}" : $"Async request {Id} ({ActionText})";

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} {State}";
}

/// <summary>How an asynchronous request ended (AsyncResponseDto).</summary>
public sealed class AsyncResponse
{
    /// <summary>When it finished.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorDesc { get; set; }

    public List<AsyncErrorDetail> ErrorDetails { get; set; } = [];

    public List<AsyncErrorDetail> Warnings { get; set; } = [];

    public long? AcceptedSegmentsCount { get; set; }

    [JsonIgnore] public bool IsError => !string.IsNullOrEmpty(ErrorCode);
}

/// <summary>An error detail or a warning of an asynchronous response: {code, args, message}.</summary>
public sealed class AsyncErrorDetail
{
    public string? Code { get; set; }

    /// <summary>Related arguments, e.g. <c>fileName</c>.</summary>
    public Dictionary<string, object?> Args { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Message { get; set; }

    /// <summary>"CODE (key=value, …): message".</summary>
    public override string ToString()
    {
        var args = Args.Count == 0 ? "" : $" ({string.Join(", ", Args.Select(a => $"{a.Key}={a.Value}"))})";
        return $"{Code}{args}: {Message}";
    }
}

/// <summary>A user as asynchronous requests show their creator (UserReference).</summary>
public sealed class UserReference
{
    public string? Id { get; set; }
    public string? Uid { get; set; }
    public string? UserName { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }

    /// <inheritdoc />
    public override string ToString() => UserName ?? Uid ?? Id ?? "";
}

/// <summary>A project as other objects refer to it: {name, uid}.</summary>
public sealed class ProjectReference
{
    public string? Uid { get; set; }
    public string? Name { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Uid})";
}
