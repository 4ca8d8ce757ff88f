using System.Diagnostics;
using PhraseTms.Client;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Resilience;

/// <summary>An emulator of its own plus a client with short, known retry settings, for one fault scenario.</summary>
public sealed class FaultLab : IAsyncDisposable
{
    public const int MaxRetries = 3;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1.5);
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(20);

    private FaultLab(PhraseTmsEmulator emulator) => Emulator = emulator;

    public PhraseTmsEmulator Emulator { get; }

    public RecordingLog Log { get; } = new();

    public static async Task<FaultLab> StartAsync() => new(await PhraseTmsEmulator.StartAsync(new EmulatorOptions()));

    public PhraseTmsClientOptions Configure(PhraseTmsClientOptions o) => new()
    {
        BaseUri = o.BaseUri,
        Log = Log,
        MaxRetries = MaxRetries,
        MaxRetryWait = TimeSpan.FromSeconds(10),
        RequestTimeout = RequestTimeout,
        RetryBaseDelay = RetryBaseDelay,
    };

    public PhraseTmsClient TokenClient(Func<PhraseTmsClientOptions, PhraseTmsClientOptions>? more = null) =>
        Clients.WithToken(Emulator, configure: o => (more ?? (x => x))(Configure(o)));

    public PhraseTmsClient LoginClient() => Clients.WithLogin(Emulator, configure: Configure);

    public void Fault(string method, string path, Fault fault) => Emulator.Faults.Add(method, path, fault);

    /// <summary>Ids served for a project in the API's default window, in the API's order.</summary>
    public IReadOnlyList<string> Served(string project)
    {
        var now = Emulator.Data.Now;
        return Emulator.Data.ConnectorTasks[project]
            .Where(t => t.DateCreated >= now.AddHours(-24) && t.DateCreated < now.AddHours(1))
            .Select(t => t.Id).ToList();
    }

    public static async Task<List<string>> ListIdsAsync(PhraseTmsClient client, string project, int pageSize, CancellationToken ct = default)
    {
        var pager = client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = project }, new PagingOptions { PageSize = pageSize });
        return (await pager.ToListAsync(ct)).Select(t => t.Id!).ToList();
    }

    /// <summary>POST jobs/connectorTask straight through the pipeline (one job from one download task).</summary>
    public static Task<ApiResponse> PostJobAsync(PhraseTmsClient client, string downloadTaskId = SeedIds.DownloadSuccessHtml, CancellationToken ct = default) =>
        client.Pipeline.SendRawAsync(new ApiCall(HttpMethod.Post, $"api2/v1/projects/{SeedIds.DemoProject}/jobs/connectorTask")
            .Query("downloadTaskId", downloadTaskId)
            .Body(new { targetLangs = new[] { "de" } }), ct);

    public IReadOnlyList<RecordedRequest> Posts => Emulator.Requests.Matching("POST", "/jobs/connectorTask");

    public IReadOnlyList<RecordedRequest> Pages(string project) =>
        Emulator.Requests.Matching("GET", "/connectorAsyncTasks").Where(r => r.QueryParameters["projectUid"].Single() == project).ToList();

    public static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed);
    }

    public static async Task<(TException Exception, TimeSpan Elapsed)> FailsAsync<TException>(Func<Task> action) where TException : Exception
    {
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAnyAsync<TException>(action);
        return (ex, watch.Elapsed);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
