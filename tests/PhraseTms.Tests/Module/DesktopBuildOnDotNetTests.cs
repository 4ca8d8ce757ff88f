using System.Globalization;
using PhraseTms.Client;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Module;

/// <summary>
/// The netstandard2.0 client that Windows PowerShell 5.1 runs (with its polyfills and shipped dependencies) does what
/// the net8.0 client does, over real HTTP against the emulator. Run here on .NET, in its own load context.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class DesktopBuildOnDotNetTests(EmulatorFixture fixture) : IDisposable
{
    private const string Ns = "PhraseTms.Client";
    private readonly DesktopBuild _desktop = new();
    private readonly DateTimeOffset _since = DateTimeOffset.UtcNow.AddDays(-7);

    private PhraseTmsEmulator Emulator => fixture.Emulator;

    public void Dispose() => _desktop.Dispose();

    private async Task<object> DesktopClientAsync()
    {
        var settings = _desktop.New($"{Ns}.Connection.ConnectionSettings",
            ("BaseUri", Emulator.BaseUri.ToString()), ("Token", Clients.Secure(PhraseTmsEmulator.DemoApiToken)));
        var session = await DesktopBuild.Await(_desktop.Static($"{Ns}.Connection.PhraseTmsSession", "ConnectAsync",
            settings, null, CancellationToken.None));
        return DesktopBuild.Call(session!, "GetClient")!;
    }

    private async Task<List<object>> DesktopTasksAsync(object client, string project, long skip = 0, long? first = null)
    {
        var query = _desktop.New($"{Ns}.Connectors.ConnectorAsyncTaskQuery", ("ProjectUid", project), ("DateCreatedFrom", (DateTimeOffset?)_since));
        var paging = _desktop.New($"{Ns}.Paging.PagingOptions", ("Skip", skip), ("First", first));
        return await DesktopBuild.ToListAsync(DesktopBuild.Call(DesktopBuild.Get(client, "Connectors")!, "GetConnectorAsyncTasks", query, paging)!);
    }

    private async Task<List<ConnectorAsyncTask>> Net8TasksAsync(PhraseTmsClient client, string project, long skip = 0, long? first = null) =>
        await client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = project, DateCreatedFrom = _since },
            new PagingOptions { Skip = skip, First = first }).ToListAsync();

    /// <summary>What a task says, read by name from either build's object.</summary>
    private static string Row(object task) => string.Join("|",
        new[] { "Id", "StatusText", "Status", "TaskTypeText", "TaskType", "TaskProcessingType", "DateCreated", "DateProcessed",
                "TargetLang", "JobFileName", "ErrorMessage", "ProjectUid", "ProjectName" }
            .Select(p => DesktopBuild.Get(task, p) switch
            {
                DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                var v => v?.ToString() ?? "∅",
            }));

    /// <summary>Type, ErrorId, Kind and message of the failure (poll counts in the message blanked: they depend on timing).</summary>
    private static async Task<string> FailureAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(call);
        var message = System.Text.RegularExpressions.Regex.Replace(ex.Message, @"\(\d+ polls?\)", "(N polls)");
        return $"{ex.GetType().FullName}|{DesktopBuild.Get(ex, "ErrorId")}|{DesktopBuild.Get(ex, "Kind")}|{message}";
    }

    [Theory]
    [InlineData(SeedIds.DemoProject, 0, null)]        // unknown statuses and task types, quotes, Unicode names, +0000 dates
    [InlineData(SeedIds.PartialProject, 1500, 600L)]  // -Skip/-First across pages
    public async Task It_pages_to_the_same_objects_as_the_net8_client(string project, long skip, long? first)
    {
        using var net8 = Clients.WithToken(Emulator);
        var expected = (await Net8TasksAsync(net8, project, skip, first)).Select(Row).ToList();
        var actual = (await DesktopTasksAsync(await DesktopClientAsync(), project, skip, first)).Select(Row).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal($"{Ns}.Connectors.ConnectorAsyncTask",
            (await DesktopTasksAsync(await DesktopClientAsync(), project, first: 1)).Single().GetType().FullName);
    }

    [Fact]
    public async Task It_fails_with_the_same_errors_as_the_net8_client()
    {
        using var net8 = Clients.WithToken(Emulator);
        var desktop = await DesktopClientAsync();
        foreach (var project in new[] { "noSuchProject", "../admin" })
            Assert.Equal(
                (await FailureAsync(() => Net8TasksAsync(net8, project))).Replace("PhraseTms.Client.Errors.", ""),
                (await FailureAsync(() => DesktopTasksAsync(desktop, project))).Replace("PhraseTms.Client.Errors.", ""));
    }

    [Fact]
    public async Task It_waits_on_its_time_provider_and_times_out_like_the_net8_client()
    {
        var waiter = DesktopBuild.Get(DesktopBuild.Get(await DesktopClientAsync(), "AsyncRequests")!, "Waiter")!;
        object Options(TimeSpan? timeout) => _desktop.New($"{Ns}.AsyncRequests.WaitOptions",
            ("InitialInterval", TimeSpan.FromMilliseconds(10)), ("MaxInterval", TimeSpan.FromMilliseconds(40)), ("Timeout", timeout));
        Task<object?> Wait(string id, TimeSpan? timeout) => DesktopBuild.Await(
            waiter.GetType().GetMethod("WaitAsync", [typeof(string), _desktop.Type($"{Ns}.AsyncRequests.WaitOptions"),
                typeof(Action<>).MakeGenericType(_desktop.Type($"{Ns}.AsyncRequests.AsyncWaitProgress")), typeof(CancellationToken)])!
                .Invoke(waiter, [id, Options(timeout), null, CancellationToken.None]));

        var done = await Wait(SeedIds.AsyncFinishedOk, null);
        Assert.Equal("Succeeded", DesktopBuild.Get(done!, "State")!.ToString());

        using var net8 = Clients.WithToken(Emulator);
        var timeout = TimeSpan.FromMilliseconds(300);
        var expected = await FailureAsync(() => net8.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncNeverFinishes,
            PhraseTms.Tests.Client.AsyncRequestTests.Fast with { Timeout = timeout }, null, default));
        Assert.Equal(expected, await FailureAsync(() => Wait(SeedIds.AsyncNeverFinishes, timeout)));
        Assert.Contains("|OperationTimeout|Timeout|Async request 9000004", expected);
    }

    [Fact]
    public async Task Its_raw_requests_page_to_the_same_json_as_the_net8_client()
    {
        var query = new System.Collections.Hashtable { ["projectUid"] = SeedIds.PartialProject, ["taskType"] = new[] { "DOWNLOAD", "UPLOAD" } };
        using var net8 = Clients.WithToken(Emulator);
        var expected = (await net8.Raw.Page(PhraseTms.Client.Raw.RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks", query),
            new PagingOptions { Skip = 900, First = 300 }).ToListAsync()).Select(j => j.ToString()).ToList();

        var raw = DesktopBuild.Get(await DesktopClientAsync(), "Raw")!;
        var request = _desktop.Static($"{Ns}.Raw.RawRequest", "Create", "GET", "/api2/v1/connectorAsyncTasks", query, null, null);
        var paging = _desktop.New($"{Ns}.Paging.PagingOptions", ("Skip", 900L), ("First", (long?)300));
        var actual = (await DesktopBuild.ToListAsync(DesktopBuild.Call(raw, "Page", request, paging)!)).Select(j => j.ToString()!).ToList();
        Assert.Equal(300, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Its_dependencies_are_the_shipped_ones_not_the_runtime_s()
    {
        await DesktopTasksAsync(await DesktopClientAsync(), SeedIds.OnePageProject, first: 1);
        var loaded = _desktop.Loaded.ToDictionary(a => a.GetName().Name!, a => Path.GetDirectoryName(a.Location)!);
        Assert.Equal(Repo.DesktopOut, loaded["PhraseTms.Client"]);
        foreach (var name in new[] { "RestSharp", "Newtonsoft.Json", "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "System.Memory" })
            Assert.Equal(Repo.DependenciesOut, loaded[name]);
    }
}
