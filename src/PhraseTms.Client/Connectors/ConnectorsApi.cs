using PhraseTms.Client.Http;
using PhraseTms.Client.Paging;

namespace PhraseTms.Client.Connectors;

/// <summary>Connector endpoints.</summary>
public sealed class ConnectorsApi
{
    private readonly PhraseTmsClient _client;

    internal ConnectorsApi(PhraseTmsClient client) => _client = client;

    /// <summary>
    /// GET /api2/v1/connectorAsyncTasks, every page, streamed. The query and paging options are checked before this
    /// returns, so bad input fails before any request. Each task carries the page's project UID and name.
    /// </summary>
    public Pager<ConnectorAsyncTask> GetConnectorAsyncTasks(ConnectorAsyncTaskQuery query, PagingOptions paging)
    {
        query.Validate();
        paging.Validate(ConnectorAsyncTaskQuery.MaxPageSize);
        return new Pager<ConnectorAsyncTask>(FetchPage, paging);

        async Task<IPage<ConnectorAsyncTask>> FetchPage(int pageNumber, int pageSize, CancellationToken ct)
        {
            var call = query.ApplyTo(new ApiCall(HttpMethod.Get, "api2/v1/connectorAsyncTasks"))
                .Query("pageNumber", pageNumber)
                .Query("pageSize", pageSize);
            var page = await _client.Pipeline.SendAsync<ConnectorAsyncTaskPage>(call, ct).ConfigureAwait(false);
            foreach (var task in page.Content)
            {
                task.ProjectUid ??= page.ProjectUid ?? query.ProjectUid;
                task.ProjectName ??= page.ProjectName;
            }
            return page;
        }
    }
}
