using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.BackgroundTasks;
using PhraseTms.Client.Errors;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>lastBackgroundTask of translation memories and term bases: one implementation, both kinds.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class BackgroundTaskTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emulator => fixture.Emulator;

    public static TheoryData<BackgroundTaskKind> Kinds() => new() { BackgroundTaskKind.TranslationMemory, BackgroundTaskKind.TermBase };

    internal static string Ok(BackgroundTaskKind k) => k == BackgroundTaskKind.TermBase ? SeedIds.TbOk : SeedIds.TmOk;
    internal static string Err(BackgroundTaskKind k) => k == BackgroundTaskKind.TermBase ? SeedIds.TbError : SeedIds.TmError;
    internal static string Never(BackgroundTaskKind k) => k == BackgroundTaskKind.TermBase ? SeedIds.TbNever : SeedIds.TmNever;
    internal static string Running(BackgroundTaskKind k) => k == BackgroundTaskKind.TermBase ? SeedIds.TbRunning : SeedIds.TmRunning;
    internal static string Route(BackgroundTaskKind k, string uid) =>
        $"/api2/v1/{(k == BackgroundTaskKind.TermBase ? "termBases" : "transMemories")}/{uid}/lastBackgroundTask";

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_finished_import_reads_with_status_texts_metadata_and_its_async_request(BackgroundTaskKind kind)
    {
        using var client = Clients.WithToken(Emulator);
        var uid = Ok(kind);
        var before = Emulator.Requests.Count;
        var task = await client.BackgroundTasks.GetLastAsync(kind, uid, default);

        Assert.Equal(Route(kind, uid), Emulator.Requests.All.Skip(before).Single().Path);
        Assert.Equal(kind, task.Kind);
        Assert.Equal(uid, task.ResourceUid);
        if (kind == BackgroundTaskKind.TermBase) Assert.Equal(uid, Assert.IsType<TermBaseBackgroundTask>(task).TermBaseUid);
        else Assert.Equal(uid, Assert.IsType<TransMemoryBackgroundTask>(task).TransMemoryUid);

        var served = kind == BackgroundTaskKind.TermBase ? Emulator.Data.FindTermBase(uid)! : Emulator.Data.FindTransMemory(uid)!;
        Assert.Equal(BackgroundTaskStatus.OK, task.Status);
        Assert.True(task.LastTaskOk);
        Assert.True(task.HasRun);
        Assert.Equal(served.LastTaskString, task.LastTaskString);
        Assert.Equal(served.FinishedDataText, task.FinishedDataText);
        Assert.Null(task.LastTaskError);
        Assert.Equal(served.Metadata!.SegmentsCount, task.Metadata!.SegmentsCount);
        Assert.Equal(served.Metadata.DeduplicatedSegmentsCount, task.Metadata.DeduplicatedSegmentsCount);
        Assert.Equal(served.Metadata.SegmentsCountByLanguage["de"], task.Metadata.SegmentsCountByLanguage["DE"]);
        Assert.Equal(served.Metadata.SegmentsCountByLanguage.Keys.Order(), task.Metadata.MetadataByLanguage.Keys.Order());
        Assert.Equal(kind == BackgroundTaskKind.TermBase ? AsyncAction.IMPORT_TBX : AsyncAction.IMPORT_TMX, task.AsyncRequest!.Action);
        Assert.Equal(AsyncRequestState.Succeeded, task.AsyncRequest.State);
        Assert.Equal("demo", task.AsyncRequest.CreatedBy!.UserName);
        Assert.Equal(task.AsyncRequest.Id, task.AsyncRequestId);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_failed_import_reads_as_data_and_waiting_on_it_needs_no_poll_but_fails(BackgroundTaskKind kind)
    {
        var log = new RecordingLog();
        using var client = Clients.WithToken(Emulator, log);
        var task = await client.BackgroundTasks.GetLastAsync(kind, Err(kind), default);
        Assert.Equal(BackgroundTaskStatus.ERROR, task.Status);
        Assert.False(task.LastTaskOk);
        Assert.Contains("invalid XML at line 42", task.LastTaskError);
        Assert.Contains("<b>", task.LastTaskErrorHtml);
        Assert.Null(task.Metadata);

        var before = Emulator.Requests.Count;
        var waited = await client.BackgroundTasks.GetLastWhenFinishedAsync(kind, Err(kind), AsyncRequestTests.Fast, null, default);
        Assert.Equal(Route(kind, Err(kind)), Emulator.Requests.All.Skip(before).Single().Path);
        var ex = Assert.Throws<PhraseTmsAsyncOperationException>(() => waited.AsyncRequest!.EnsureSucceeded());
        Assert.Equal(kind == BackgroundTaskKind.TermBase ? "TbImportFailed" : "TmImportFailed", ex.ErrorId);
        Assert.Equal("INVALID_XML", Assert.Single(ex.ErrorDetails).Code);
        Assert.Contains(log.Lines, l => l.StartsWith("WARNING: ") && l.Contains("SKIPPED_ENTRIES"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_resource_that_never_ran_a_task_answers_an_empty_object_and_there_is_nothing_to_wait_for(BackgroundTaskKind kind)
    {
        using var client = Clients.WithToken(Emulator);
        var task = await client.BackgroundTasks.GetLastAsync(kind, Never(kind), default);
        Assert.False(task.HasRun);
        Assert.Null(task.Status);
        Assert.Null(task.StatusText);
        Assert.Null(task.AsyncRequest);
        Assert.Null(task.LastTaskOk);
        Assert.Equal(Never(kind), task.ResourceUid);

        var before = Emulator.Requests.Count;
        var waited = await client.BackgroundTasks.GetLastWhenFinishedAsync(kind, Never(kind), AsyncRequestTests.Fast, null, default);
        Assert.False(waited.HasRun);
        Assert.Single(Emulator.Requests.All.Skip(before));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_unknown_resource_is_not_found_and_a_bad_uid_is_refused_before_any_request(BackgroundTaskKind kind)
    {
        using var client = Clients.WithToken(Emulator);
        var missing = await Assert.ThrowsAsync<PhraseTmsApiException>(() => client.BackgroundTasks.GetLastAsync(kind, "noSuchUid", default));
        Assert.Equal(PhraseErrorKind.NotFound, missing.Kind);
        Assert.Contains("noSuchUid not found", missing.Message);

        var before = Emulator.Requests.Count;
        var bad = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.BackgroundTasks.GetLastAsync(kind, "../../async/9000001", default));
        Assert.Equal("InvalidIdentifier", bad.ErrorId);
        Assert.Equal(kind == BackgroundTaskKind.TermBase ? "TermBaseUid" : "TransMemoryUid", bad.ParameterName);
        Assert.Equal(before, Emulator.Requests.Count);
    }
}

/// <summary>A running background task: its own emulator, because every poll moves the task on.</summary>
public sealed class RunningBackgroundTaskTests : IAsyncLifetime
{
    private PhraseTmsEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { AsyncPollsToFinish = 2 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [MemberData(nameof(BackgroundTaskTests.Kinds), MemberType = typeof(BackgroundTaskTests))]
    public async Task Waiting_polls_the_async_request_until_finished_then_reads_the_final_state(BackgroundTaskKind kind)
    {
        using var client = Clients.WithToken(_emulator);
        var uid = BackgroundTaskTests.Running(kind);
        var progress = new List<AsyncWaitProgress>();
        var task = await client.BackgroundTasks.GetLastWhenFinishedAsync(kind, uid, AsyncRequestTests.Fast, progress.Add, default);

        Assert.Equal(BackgroundTaskStatus.OK, task.Status);
        Assert.Equal(AsyncRequestState.Succeeded, task.AsyncRequest!.State);
        Assert.NotNull(task.Metadata);
        var requests = _emulator.Requests.All;
        Assert.Equal(2, requests.Count(r => r.Path == BackgroundTaskTests.Route(kind, uid)));
        // First read: running (1 poll used); the waiter pauses, then polls twice (running, finished).
        Assert.Equal(2, requests.Count(r => r.Path == $"/api2/v1/async/{task.AsyncRequest.Id}"));
        Assert.Equal(2, progress.Count);
    }

    [Fact]
    public async Task Without_waiting_a_running_task_reads_as_running()
    {
        using var client = Clients.WithToken(_emulator);
        var task = await client.BackgroundTasks.GetLastAsync(BackgroundTaskKind.TranslationMemory, SeedIds.TmRunning, default);
        Assert.Equal(BackgroundTaskStatus.RUNNING, task.Status);
        Assert.Null(task.LastTaskOk);
        Assert.Equal(AsyncRequestState.Running, task.AsyncRequest!.State);
        Assert.True(task.HasRun);
    }
}
