using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.Client;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Jobs;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>POST /projects/{uid}/jobs/connectorTask over real HTTP: the wire format, the typed answer, errors, validation.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class JobCreationTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emulator => fixture.Emulator;

    internal static JToken ParseExact(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private Task<JobCreateResult> CreateAsync(PhraseTmsClient client, JobCreateRequest request, string task = SeedIds.DownloadSuccessHtml,
        string project = SeedIds.DemoProject, bool? continuous = null) =>
        client.Jobs.CreateFromConnectorTaskAsync(project, task, request, continuous, default);

    private RecordedRequest LastPost() => Emulator.Requests.Matching("POST", "/jobs/connectorTask").Last();

    /// <summary>Every field of JobCreateRequestDto, nested pieces included.</summary>
    internal static JobCreateRequest FullRequest() => new()
    {
        TargetLangs = ["de", "fr"],
        Due = new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.FromHours(2)),
        WorkflowSettings =
        [
            new WorkflowStepConfiguration("7001", new ProvidersPerLanguage("de", ProviderReference.Vendor("12")) { AssignedUsers = [new AssignedUser(5)] })
            {
                Due = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
                NotifyProvider = new NotifyProvider("tmplStep", 0),
            },
        ],
        Assignments = [new ProvidersPerLanguage("de", ProviderReference.Vendor("12"), ProviderReference.User("34")) { AssignedUsers = [new AssignedUser(5), new AssignedUser(6)] }],
        ImportSettings = new UidReference("importSet01"),
        UseProjectFileImportSettings = false,
        PreTranslate = true,
        SemanticMarkup = true,
        NotifyProvider = new NotifyProvider("tmpl1", 1440),
        CallbackUrl = "https://example.com/hook?x=1",
        Path = "web/en",
        RemoteFile = new JobCreateRemoteFile("conn-token-1", "/inbox", ".*\\.html") { RemoteFileNameRegex = true, Continuous = false },
        JobPreviewPackageFileUidRef = new UidReference("preview01"),
        XmlAssistantProfile = new UidReference("xmlProf01"),
    };

    [Fact]
    public async Task Every_body_field_reaches_the_wire_with_the_api_json_names()
    {
        using var client = Clients.WithToken(Emulator);
        await CreateAsync(client, FullRequest(), continuous: true);

        var post = LastPost();
        Assert.Equal($"/api2/v1/projects/{SeedIds.DemoProject}/jobs/connectorTask", post.Path);
        Assert.Equal([SeedIds.DownloadSuccessHtml], post.QueryParameters["downloadTaskId"]);
        Assert.Equal(["true"], post.QueryParameters["continuous"]);
        Assert.StartsWith("application/json", post.ContentType);
        var expected = ParseExact("""
        {
          "targetLangs": ["de", "fr"],
          "due": "2026-12-01T10:30:00.000Z",
          "workflowSettings": [{
            "id": "7001",
            "assignments": [{ "targetLang": "de", "providers": [{ "type": "VENDOR", "id": "12" }], "assignedUsers": [{ "id": 5 }] }],
            "due": "2026-11-30T08:00:00.000Z",
            "notifyProvider": { "organizationEmailTemplate": { "id": "tmplStep" }, "notificationIntervalInMinutes": 0 }
          }],
          "assignments": [{
            "targetLang": "de",
            "providers": [{ "type": "VENDOR", "id": "12" }, { "type": "USER", "id": "34" }],
            "assignedUsers": [{ "id": 5 }, { "id": 6 }]
          }],
          "importSettings": { "uid": "importSet01" },
          "useProjectFileImportSettings": false,
          "preTranslate": true,
          "semanticMarkup": true,
          "notifyProvider": { "organizationEmailTemplate": { "id": "tmpl1" }, "notificationIntervalInMinutes": 1440 },
          "callbackUrl": "https://example.com/hook?x=1",
          "path": "web/en",
          "remoteFile": { "connectorToken": "conn-token-1", "remoteFolder": "/inbox", "remoteFileName": ".*\\.html", "remoteFileNameRegex": true, "continuous": false },
          "jobPreviewPackageFileUidRef": { "uid": "preview01" },
          "xmlAssistantProfile": { "uid": "xmlProf01" }
        }
        """);
        var sent = ParseExact(post.Body);
        Assert.True(JToken.DeepEquals(expected, sent), $"sent:\n{sent}");
        var created = Emulator.Data.CreatedJobs.Last();
        Assert.True(created.Continuous);
        Assert.True(JToken.DeepEquals(expected, ParseExact(created.RequestBody)));
    }

    [Fact]
    public async Task A_minimal_request_sends_only_the_target_languages_and_no_continuous_parameter()
    {
        using var client = Clients.WithToken(Emulator);
        await CreateAsync(client, new JobCreateRequest { TargetLangs = ["de"] });
        var post = LastPost();
        Assert.Equal("""{"targetLangs":["de"]}""", post.Body);
        Assert.False(post.QueryParameters.ContainsKey("continuous"));
        Assert.False(Emulator.Data.CreatedJobs.Last().Continuous);
    }

    [Fact]
    public async Task The_answer_is_typed_jobs_and_the_pending_import_request()
    {
        using var client = Clients.WithToken(Emulator);
        var result = await CreateAsync(client, FullRequest());

        var created = Emulator.Data.CreatedJobs.Last();
        Assert.Equal(created.JobUids, result.Jobs.Select(j => j.Uid));
        Assert.Equal(["de", "fr"], result.Jobs.Select(j => j.TargetLang));
        Assert.All(result.Jobs, j =>
        {
            Assert.Equal(JobStatus.NEW, j.Status);
            Assert.Equal("NEW", j.StatusText);
            Assert.Equal("website/en/index.html", j.Filename);
            Assert.Equal("Translation", j.WorkflowStep!.Name);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero), j.DateDue);
            Assert.Equal(SeedIds.DemoProject, j.ProjectUid);
            Assert.False(j.Imported);
        });
        var deProviders = result.Jobs[0].Providers;
        Assert.Equal(["VENDOR:12", "USER:34"], deProviders.Select(p => p.ToString()));
        Assert.All(deProviders, p => Assert.False(string.IsNullOrEmpty(p.Uid)));
        Assert.Empty(result.Jobs[1].Providers);

        Assert.Equal(created.AsyncRequestId, result.AsyncRequestId);
        Assert.Equal(AsyncAction.IMPORT_JOB, result.AsyncRequest!.Action);
        Assert.Equal(AsyncRequestState.Running, result.AsyncRequest.State);
        Assert.Equal((SeedIds.DemoProject, SeedIds.DownloadSuccessHtml), (result.ProjectUid, result.DownloadTaskId));
        Assert.Empty(result.WarningLines());
    }

    [Fact]
    public void Statuses_this_version_does_not_know_are_kept_as_text()
    {
        var job = PhraseTms.Client.Serialization.PhraseJson.Deserialize<JobPart>(
            System.Text.Encoding.UTF8.GetBytes("""{"uid":"j1","status":"ARCHIVED","dateDue":"2026-01-02T03:04:05+0000"}"""))!;
        Assert.Null(job.Status);
        Assert.Equal("ARCHIVED", job.StatusText);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), job.DateDue);
        var task = PhraseTms.Client.Serialization.PhraseJson.Deserialize<PhraseTms.Client.BackgroundTasks.TransMemoryBackgroundTask>(
            System.Text.Encoding.UTF8.GetBytes("""{"status":"QUEUED","lastTaskOk":"maybe"}"""))!;
        Assert.Null(task.Status);
        Assert.Equal("QUEUED", task.StatusText);
        Assert.Null(task.LastTaskOk);
        Assert.True(task.HasRun);
    }

    [Fact]
    public async Task Unsupported_files_and_api_warnings_become_warning_lines_naming_the_file_or_domain()
    {
        using var client = Clients.WithToken(Emulator);
        var exe = await CreateAsync(client, new JobCreateRequest { TargetLangs = ["de"] }, SeedIds.DownloadSuccessExe);
        Assert.Empty(exe.Jobs);
        Assert.Equal(["downloads/installer.exe"], exe.UnsupportedFiles);
        Assert.NotNull(exe.AsyncRequest?.Id);
        var line = Assert.Single(exe.WarningLines());
        Assert.Contains("'downloads/installer.exe' is not supported", line);
        Assert.Contains(SeedIds.DownloadSuccessExe, line);

        var xx = await CreateAsync(client, new JobCreateRequest { TargetLangs = ["de", "xx"] });
        var warning = Assert.Single(xx.Warnings);
        Assert.Equal("STYLEGUIDE", warning.Domain);
        var xxJob = xx.Jobs.Single(j => j.TargetLang == "xx").Uid!;
        Assert.Equal([xxJob], warning.JobPartIds);
        var xxLine = Assert.Single(xx.WarningLines());
        Assert.Contains("STYLEGUIDE: No style guide", xxLine);
        Assert.Contains(xxJob, xxLine);
    }

    [Theory]
    [InlineData(SeedIds.DemoProject, "999999999", 404, "ConnectorTaskNotFound", PhraseErrorKind.NotFound)]
    [InlineData("noSuchProject", SeedIds.DownloadSuccessHtml, 404, "ResourceNotFound", PhraseErrorKind.NotFound)]
    [InlineData(SeedIds.DemoProject, SeedIds.OtherProjectDownloadSuccess, 400, "JobCreateError", PhraseErrorKind.InvalidArgument)]
    [InlineData(SeedIds.DemoProject, SeedIds.UploadSuccess, 400, "JobCreateError", PhraseErrorKind.InvalidArgument)]
    [InlineData(SeedIds.DemoProject, SeedIds.DownloadError, 400, "JobCreateError", PhraseErrorKind.InvalidArgument)]
    public async Task Api_refusals_keep_the_phrase_error_code_and_are_sent_once(string project, string task, int status, string errorId, PhraseErrorKind kind)
    {
        using var client = Clients.WithToken(Emulator);
        var before = Emulator.Requests.Count;
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => CreateAsync(client, new JobCreateRequest { TargetLangs = ["de"] }, task, project));
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(kind, ex.Kind);
        Assert.Single(Emulator.Requests.All.Skip(before));
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "no target language", "EmptyTargetLang", "TargetLang" },
        { "blank target language", "InvalidTargetLang", "TargetLang" },
        { "path of 256", "PathTooLong", "Path" },
        { "ftp callback", "InvalidCallbackUrl", "CallbackUrl" },
        { "interval 1441", "InvalidNotificationInterval", "NotifyProvider.NotificationIntervalInMinutes" },
        { "interval -1", "InvalidNotificationInterval", "NotifyProvider.NotificationIntervalInMinutes" },
        { "notify without template", "MissingEmailTemplate", "NotifyProvider.OrganizationEmailTemplate" },
        { "step interval 1441", "InvalidNotificationInterval", "WorkflowSetting[0].NotifyProvider.NotificationIntervalInMinutes" },
        { "step without assignments", "MissingAssignments", "WorkflowSetting[0].Assignments" },
        { "provider without type", "MissingProviderType", "Assignment[0].Providers[0].Type" },
        { "user without id", "MissingAssignedUserId", "Assignment[0].AssignedUsers[0].Id" },
        { "remote file without token", "MissingRemoteFileField", "RemoteFile.ConnectorToken" },
        { "empty import settings uid", "EmptyIdentifier", "ImportSettingsUid" },
        { "hostile project uid", "InvalidIdentifier", "ProjectUid" },
        { "bad download task id", "InvalidIdentifier", "DownloadTaskId" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_refused_before_any_request(string badCase, string errorId, string parameter)
    {
        var (project, task, request) = (SeedIds.DemoProject, SeedIds.DownloadSuccessHtml, new JobCreateRequest { TargetLangs = ["de"] });
        switch (badCase)
        {
            case "no target language": request.TargetLangs = []; break;
            case "blank target language": request.TargetLangs = ["de", " "]; break;
            case "path of 256": request.Path = new string('p', 256); break;
            case "ftp callback": request.CallbackUrl = "ftp://example.com/x"; break;
            case "interval 1441": request.NotifyProvider = new NotifyProvider("t", 1441); break;
            case "interval -1": request.NotifyProvider = new NotifyProvider("t", -1); break;
            case "notify without template": request.NotifyProvider = new NotifyProvider { NotificationIntervalInMinutes = 5 }; break;
            case "step interval 1441": request.WorkflowSettings = [new WorkflowStepConfiguration("1") { NotifyProvider = new NotifyProvider("t", 1441) }]; break;
            case "step without assignments": request.WorkflowSettings = [new WorkflowStepConfiguration { Id = "1" }]; break;
            case "provider without type": request.Assignments = [new ProvidersPerLanguage("de", new ProviderReference { Id = "1" })]; break;
            case "user without id": request.Assignments = [new ProvidersPerLanguage { TargetLang = "de", AssignedUsers = [new AssignedUser()] }]; break;
            case "remote file without token": request.RemoteFile = new JobCreateRemoteFile { RemoteFileName = "a.html" }; break;
            case "empty import settings uid": request.ImportSettings = new UidReference(""); break;
            case "hostile project uid": project = "../admin"; break;
            case "bad download task id": task = "1 OR 1=1"; break;
        }
        using var client = Clients.WithToken(Emulator);
        var before = Emulator.Requests.Count;
        var ex = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => CreateAsync(client, request, task, project));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(before, Emulator.Requests.Count);
    }

    [Fact]
    public async Task The_connector_token_is_never_echoed_in_a_validation_message()
    {
        using var client = Clients.WithToken(Emulator);
        var request = new JobCreateRequest { TargetLangs = ["de"], RemoteFile = new JobCreateRemoteFile("secret-conn-token", "/", "") };
        var ex = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => CreateAsync(client, request));
        Assert.Equal("RemoteFile.RemoteFileName", ex.ParameterName);
        Assert.DoesNotContain("secret-conn-token", ex.Message);
    }

    [Fact]
    public async Task Limits_themselves_are_accepted_by_the_api()
    {
        using var client = Clients.WithToken(Emulator);
        var request = new JobCreateRequest { TargetLangs = ["de"], Path = new string('p', 255), NotifyProvider = new NotifyProvider("t", 1440) };
        var result = await CreateAsync(client, request);
        Assert.Single(result.Jobs);
        Assert.Equal(1440, result.Jobs[0].NotificationIntervalInMinutes);
    }
}
