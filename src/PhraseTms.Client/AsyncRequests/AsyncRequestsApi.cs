using PhraseTms.Client.Http;

namespace PhraseTms.Client.AsyncRequests;

/// <summary>Asynchronous requests: GET /api2/v1/async/{asyncRequestId}, and the waiter built on it.</summary>
public sealed class AsyncRequestsApi
{
    private readonly PhraseTmsClient _client;

    internal AsyncRequestsApi(PhraseTmsClient client)
    {
        _client = client;
        Waiter = new AsyncRequestWaiter(this, client);
    }

    /// <summary>The one waiter every -Wait uses.</summary>
    public AsyncRequestWaiter Waiter { get; }

    /// <summary>GET /api2/v1/async/{id}: the request's current state. A bad id fails before any request.</summary>
    public Task<AsyncRequest> GetAsync(string id, CancellationToken ct)
    {
        var call = new ApiCall(HttpMethod.Get, $"api2/v1/async/{PathSegment.NumericId("Id", id)}");
        return _client.Pipeline.SendAsync<AsyncRequest>(call, ct);
    }
}
