using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using PhraseTms.Client.Connectors;

namespace PhraseTms.Benchmarks;

/// <summary>
/// The client-side limit: a hand-written loop that reads every page in turn with HttpClient and streams each response
/// body straight into a Newtonsoft <see cref="JsonTextReader"/>, materialising the same item objects as the module
/// (no retries, no logging, no error mapping, no validation).
/// </summary>
internal sealed class BaselineReader : IItemSource
{
    private static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        DateParseHandling = DateParseHandling.DateTimeOffset,
    });

    private readonly HttpClient _http;

    public BaselineReader(Uri baseUri, string token)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiToken", token);
    }

    public string Name => "baseline";

    IAsyncEnumerable<ConnectorAsyncTask> IItemSource.Read(string projectUid, int pageSize) => Read(projectUid, pageSize);

    public async IAsyncEnumerable<ConnectorAsyncTask> Read(string projectUid, int pageSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var pageNumber = 0; ; pageNumber++)
        {
            var uri = $"api2/v1/connectorAsyncTasks?projectUid={projectUid}&pageNumber={pageNumber}&pageSize={pageSize}";
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            ConnectorAsyncTaskPage page;
            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            using (var text = new StreamReader(body))
            using (var json = new JsonTextReader(text))
                page = Json.Deserialize<ConnectorAsyncTaskPage>(json)!;
            foreach (var task in page.Content)
            {
                task.ProjectUid ??= page.ProjectUid;
                task.ProjectName ??= page.ProjectName;
                yield return task;
            }
            if (page.Content.Count < pageSize || pageNumber + 1 >= page.TotalPages) yield break;
        }
    }

    /// <summary>Fetches one page's bytes without parsing them: what the emulator and the socket cost.</summary>
    public async Task<(int Bytes, double Ms)> TimeRawPageAsync(string projectUid, int pageSize, int pageNumber)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var bytes = await _http.GetByteArrayAsync($"api2/v1/connectorAsyncTasks?projectUid={projectUid}&pageNumber={pageNumber}&pageSize={pageSize}");
        return (bytes.Length, watch.Elapsed.TotalMilliseconds);
    }

    public void Dispose() => _http.Dispose();
}
