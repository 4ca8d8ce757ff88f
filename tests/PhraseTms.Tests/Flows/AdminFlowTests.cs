using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Transfers;
using PhraseTms.Emulator;
using PhraseTms.Tests.Emulator;
using PhraseTms.Tests.Resilience;
using PhraseTms.Tests.Transfers;
using static PhraseTms.Tests.Flows.FlowClient;

namespace PhraseTms.Tests.Flows;

/// <summary>
/// The admin's four flows against the emulator, through the client library: launch (project from a template, jobs from
/// an upload with an asynchronous import, pre-translation, analyses), deliver (completed jobs, target files downloaded
/// once, byte for byte), TM upkeep (TMX import and export) and audit (last logins, overdue projects and jobs). Each test
/// changes data, so each starts an emulator of its own.
/// </summary>
public sealed class AdminFlowTests
{
    [Fact]
    public async Task Launch_creates_the_project_from_the_template_and_one_job_per_language_that_is_imported_after_a_few_polls()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var bytes = Text("Welcome page", 6000);

        var project = await CreateFromTemplateAsync(client, SeedIds.TemplateWebsite, "Spring launch");
        var projectUid = (string)project["uid"]!;
        Assert.Equal("Spring launch", (string?)project["name"]);
        Assert.Equal("en", (string?)project["sourceLang"]);
        Assert.Equal(["de", "fr", "es"], project["targetLangs"]!.Values<string>());

        var answer = await UploadJobAsync(client, projectUid, "welcome.html", bytes, ["de", "fr"], path: "site/en", due: "2030-01-31T12:00:00Z");
        Assert.Empty(answer["unsupportedFiles"]!);
        Assert.Equal("IMPORT_JOB", (string?)answer["asyncRequest"]!["action"]);
        var jobs = answer["jobs"]!.Cast<JObject>().ToArray();
        Assert.Equal(["de", "fr"], jobs.Select(j => (string)j["targetLang"]!));
        Assert.All(jobs, j => Assert.Equal("welcome.html", (string?)j["filename"]));
        Assert.All(jobs, j => Assert.False((bool)j["imported"]!));
        Assert.All(jobs, j => Assert.Equal("2030-01-31T12:00:00Z", (string?)j["dateDue"]));

        var listed = await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs");
        Assert.Equal(2, (int)listed["totalElements"]!);
        Assert.All(listed["content"]!, j => Assert.Equal("RUNNING", (string?)j["importStatus"]!["status"]));
        Assert.Equal("site/en", (string?)listed["content"]![0]!["originalFileDirectory"]);
        Assert.Equal(2, (int)(await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs?notReady=true"))["totalElements"]!);

        var import = await WaitAsync(client, answer["asyncRequest"]!);
        Assert.Equal(lab.Emulator.Options.AsyncPollsToFinish + 1, lab.Emulator.Requests.Matching("GET", $"/async/{import.Id}").Count);
        listed = await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs");
        Assert.All(listed["content"]!, j => Assert.True((bool)j["imported"]!));
        Assert.Equal(0, (int)(await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs?notReady=true"))["totalElements"]!);
        var kept = lab.Emulator.Data.Organization.Projects.Find(projectUid)!.Jobs;
        Assert.All(kept, j => Assert.Equal(bytes, j.SourceFile!.Bytes));
        Assert.Single(lab.Emulator.Requests.Matching("POST", "/jobs"));
    }

    [Fact]
    public async Task Pre_translation_and_an_analysis_finish_asynchronously_with_word_counts_from_the_file_sizes()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var (projectUid, answer) = await LaunchAsync(client, "guide.md", Text("Guide", 1200), ["de", "fr"]);
        var jobUids = answer["jobs"]!.Select(j => (string)j["uid"]!).ToArray();

        var pre = await SendAsync(client, "POST", $"/api2/v3/projects/{projectUid}/jobs/preTranslate",
            new { jobs = jobUids.Select(uid => new { uid }).ToArray() });
        Assert.Equal("PRE_TRANSLATE", (string?)pre["asyncRequest"]!["action"]);
        Assert.True(pre["asyncRequest"]!["asyncResponse"]!.Type == JTokenType.Null);
        await WaitAsync(client, pre["asyncRequest"]!);
        Assert.All(lab.Emulator.Data.Organization.Projects.Find(projectUid)!.Jobs, j => Assert.True(j.Translated));

        var created = await SendAsync(client, "POST", "/api2/v2/analyses", new { jobs = jobUids.Select(uid => new { uid }).ToArray(), name = "Launch quote" });
        var entry = Assert.Single(created["asyncRequests"]!);
        Assert.Equal("PRE_ANALYSE", (string?)entry["asyncRequest"]!["action"]);
        var analyseUid = (string)entry["analyse"]!["uid"]!;
        var running = await SendAsync(client, "GET", $"/api2/v3/analyses/{analyseUid}");
        Assert.Equal("RUNNING", (string?)running["importStatus"]!["status"]);
        await WaitAsync(client, entry["asyncRequest"]!);

        var analysis = await SendAsync(client, "GET", $"/api2/v3/analyses/{analyseUid}");
        Assert.Equal("Launch quote", (string?)analysis["name"]);
        Assert.Equal("OK", (string?)analysis["importStatus"]!["status"]);
        var size = Text("Guide", 1200).Length;
        var parts = analysis["analyseLanguageParts"]!;
        Assert.Equal(["de", "fr"], parts.Select(p => (string)p["targetLang"]!));
        Assert.All(parts, p => Assert.Equal((double)JobFiles.WordsFromSize(size), (double)p["data"]!["all"]!["words"]!));
        Assert.All(parts, p => Assert.Equal((double)size, (double)p["data"]!["all"]!["characters"]!));
        var jobFigures = await SendAsync(client, "GET", $"/api2/v1/analyses/{analyseUid}/jobs/{jobUids[0]}");
        Assert.Equal((double)JobFiles.WordsFromSize(size), (double)jobFigures["data"]!["all"]!["words"]!);
        var listed = await SendAsync(client, "GET", $"/api2/v3/projects/{projectUid}/analyses");
        Assert.Equal([analyseUid], listed["content"]!.Select(a => (string)a["uid"]!));
    }

    [Fact]
    public async Task Deliver_downloads_each_completed_job_s_target_once_byte_for_byte_under_the_job_s_file_name()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var source = Text("Release notes", 40_000);
        var (projectUid, answer) = await LaunchAsync(client, "release-notes.txt", source, ["de", "ja"]);
        var de = (string)answer["jobs"]![0]!["uid"]!;
        await SetStatusAsync(client, projectUid, de, "COMPLETED");

        var completed = await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs?status=COMPLETED");
        Assert.Equal([de], completed["content"]!.Select(j => (string)j["uid"]!));
        var result = await client.Transfers.DownloadTargetFileAsync(projectUid, de, files.Folder, FastTargetFile, default);

        Assert.Equal(1, result.Requests);
        Assert.Equal("release-notes.txt", result.Download.ServerFileName);
        Assert.Equal(Path.Combine(files.Folder, "release-notes.txt"), result.Download.Path);
        Assert.Equal([.. Encoding.UTF8.GetBytes("[target: de]\n"), .. source], File.ReadAllBytes(result.Download.Path!));
        Assert.Equal(JobFiles.Target(source, "de"), File.ReadAllBytes(result.Download.Path!));

        var again = await Assert.ThrowsAsync<PhraseTmsApiException>(() => client.Transfers.DownloadAsync(
            new ApiCall(HttpMethod.Get, $"api2/v2/projects/{projectUid}/jobs/{de}/downloadTargetFile/{result.AsyncRequestId}") { OneShot = true },
            new MemoryStream(), null, default));
        Assert.Equal(404, again.StatusCode);
        Assert.Equal(2, lab.Emulator.Requests.Matching("GET", "/downloadTargetFile/").Count);
    }

    [Fact]
    public async Task Job_status_due_date_and_provider_change_by_patch_put_and_batch_and_the_list_filters_follow()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var (projectUid, answer) = await LaunchAsync(client, "faq.txt", Text("FAQ", 500), ["de", "fr", "es"]);
        var uids = answer["jobs"]!.Select(j => (string)j["uid"]!).ToArray();
        var linguist = lab.Emulator.Data.Organization.Users.First(u => u.Role == "LINGUIST");

        var patched = await SendAsync(client, "PATCH", $"/api2/v1/projects/{projectUid}/jobs/{uids[0]}",
            new { status = "COMPLETED", dateDue = "2020-05-01T00:00:00Z", providers = new[] { new { type = "USER", id = linguist.Id } } });
        Assert.Equal("COMPLETED", (string?)patched["status"]);
        Assert.Equal(linguist.Uid, (string?)patched["providers"]![0]!["uid"]);
        var put = await SendAsync(client, "PUT", $"/api2/v1/projects/{projectUid}/jobs/{uids[1]}", new { status = "ACCEPTED" });
        Assert.Equal("ACCEPTED", (string?)put["status"]);
        var batch = await SendAsync(client, "PUT", $"/api2/v1/projects/{projectUid}/jobs/batch",
            new { jobs = new[] { new { uid = uids[1] }, new { uid = uids[2] } }, status = "DELIVERED" });
        Assert.Equal(["DELIVERED", "DELIVERED"], batch["jobs"]!.Select(j => (string)j["status"]!));
        var noStatus = await Assert.ThrowsAsync<PhraseTmsApiException>(() => SendAsync(client, "PUT", $"/api2/v1/projects/{projectUid}/jobs/{uids[0]}", new { }));
        Assert.Equal(400, noStatus.StatusCode);

        Assert.Equal([uids[0]], (await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs?status=COMPLETED"))["content"]!.Select(j => (string)j["uid"]!));
        Assert.Equal([uids[0]], (await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs?dueInHours=-1"))["content"]!.Select(j => (string)j["uid"]!));
        Assert.Equal([uids[1], uids[2]], (await SendAsync(client, "GET", $"/api2/v2/projects/{projectUid}/jobs?status=DELIVERED"))["content"]!.Select(j => (string)j["uid"]!));
    }

    [Fact]
    public async Task A_target_file_cannot_be_downloaded_before_its_request_finished_nor_for_another_job()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        using var api = new EmulatorApi(lab.Emulator);
        var (projectUid, answer) = await LaunchAsync(client, "a.txt", Text("A", 100), ["de", "fr"]);
        var (de, fr) = ((string)answer["jobs"]![0]!["uid"]!, (string)answer["jobs"]![1]!["uid"]!);

        var put = await api.SendAsync(HttpMethod.Put, $"api2/v2/projects/{projectUid}/jobs/{de}/targetFile");
        Assert.Equal(HttpStatusCode.Accepted, put.Status);
        var id = (string)put.Object["asyncRequest"]!["id"]!;
        Assert.Equal("EXPORT_COMPLETE_FILE", (string?)put.Object["asyncRequest"]!["action"]);

        var early = await api.GetAsync($"api2/v2/projects/{projectUid}/jobs/{de}/downloadTargetFile/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal("AsyncRequestNotFinished", (string?)early.Object["errorCode"]);
        await WaitAsync(client, id);
        var other = await api.GetAsync($"api2/v2/projects/{projectUid}/jobs/{fr}/downloadTargetFile/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        var ok = await api.GetAsync($"api2/v2/projects/{projectUid}/jobs/{de}/downloadTargetFile/{id}");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.StartsWith("[target: de]\nA\n", ok.Text);
    }

    [Fact]
    public async Task Tm_upkeep_imports_a_tmx_whose_units_the_tm_then_counts_and_exports_it_once()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var tm = lab.Emulator.Data.Organization.FindTransMemory(SeedIds.TmOk)!;
        var before = (long)(await SendAsync(client, "GET", $"/api2/v1/transMemories/{tm.Uid}/metadata"))["segmentsCount"]!;
        var tmx = Encoding.UTF8.GetBytes(Tmx(4));

        var import = await client.Transfers.UploadAsync<JObject>(new ApiCall(HttpMethod.Post, $"api2/v2/transMemories/{tm.Uid}/import"),
            new OctetStreamUpload(UploadFile.FromStream(() => new MemoryStream(tmx), "glossary update.tmx", tmx.Length)), null, default);
        Assert.Equal("IMPORT_TMX", (string?)import["asyncRequest"]!["action"]);
        var done = await WaitAsync(client, import["asyncRequest"]!);

        Assert.Equal(4, done.AsyncResponse!.AcceptedSegmentsCount);
        Assert.Equal(before + 4, (long)(await SendAsync(client, "GET", $"/api2/v1/transMemories/{tm.Uid}/metadata"))["segmentsCount"]!);

        var export = await SendAsync(client, "POST", $"/api2/v2/transMemories/{tm.Uid}/export", new { exportTargetLangs = new[] { "de" } });
        Assert.Equal("EXPORT_TMX", (string?)export["asyncRequest"]!["action"]);
        Assert.Equal(tm.Uid, (string?)export["asyncExport"]!["transMemory"]!["uid"]);
        var exportId = (string)export["asyncRequest"]!["id"]!;
        await WaitAsync(client, exportId);
        using var tmxOut = new MemoryStream();
        var call = new ApiCall(HttpMethod.Get, $"api2/v1/transMemories/downloadExport/{exportId}") { OneShot = true };
        var downloaded = await client.Transfers.DownloadAsync(call, tmxOut, null, default);

        var text = Encoding.UTF8.GetString(tmxOut.ToArray());
        Assert.Equal(before + 4, TransMemoryContent.Units(text).Count);
        Assert.Contains("<seg>Imported 4 (de)</seg>", text);
        Assert.Equal(lab.Emulator.Data.Organization.TransMemoryContents.Of(tm).Tmx(["de"]), text);
        Assert.Equal(tm.Name + ".tmx", downloaded.ServerFileName);
        var second = await Assert.ThrowsAsync<PhraseTmsApiException>(() => client.Transfers.DownloadAsync(
            new ApiCall(HttpMethod.Get, $"api2/v1/transMemories/downloadExport/{exportId}") { OneShot = true }, new MemoryStream(), null, default));
        Assert.Equal(404, second.StatusCode);
    }

    [Theory]
    [InlineData("attachment; filename=\"update.tmx\"")]
    [InlineData("filename=update.tmx")]
    [InlineData(null)]
    public async Task The_tm_import_refuses_any_content_disposition_but_filename_star(string? disposition)
    {
        await using var lab = await FaultLab.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(lab.Emulator.BaseUri + "/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api2/v2/transMemories/{SeedIds.TmOk}/import")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Tmx(2))),
        };
        request.Headers.Authorization = new("ApiToken", PhraseTmsEmulator.DemoApiToken);
        request.Content.Headers.ContentType = new("application/octet-stream");
        if (disposition is not null) request.Content.Headers.TryAddWithoutValidation("Content-Disposition", disposition);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("filename\\\\*=UTF-8''", await response.Content.ReadAsStringAsync());
        Assert.Equal(lab.Emulator.Data.Organization.TransMemoryContents.Of(lab.Emulator.Data.Organization.FindTransMemory(SeedIds.TmOk)!).SeededCount,
            lab.Emulator.Data.Organization.TransMemoryContents.Of(lab.Emulator.Data.Organization.FindTransMemory(SeedIds.TmOk)!).SegmentsCount);
    }

    [Fact]
    public async Task Audit_finds_users_who_never_logged_in_and_projects_and_jobs_past_their_due_date()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var org = lab.Emulator.Data.Organization;

        var logins = (await SendAsync(client, "GET", "/api2/v1/users/lastLogins?sort=LAST_LOGIN_DATE&order=ASC"))["content"]!.ToArray();
        Assert.Equal(org.Users.Count(u => u.DateDeleted is null), logins.Length);
        var never = logins.Where(l => l["lastLoginDate"]!.Type == JTokenType.Null).Select(l => (string)l["user"]!["id"]!).ToArray();
        Assert.Equal(["4007", "4015", "4020", "4023", "4026"], never);
        Assert.Equal(never, logins.Take(never.Length).Select(l => (string)l["user"]!["id"]!)); // never = earliest
        Assert.All(logins, l => Assert.False(string.IsNullOrEmpty((string?)l["user"]!["role"])));
        var admins = (await SendAsync(client, "GET", "/api2/v1/users/lastLogins?role=ADMIN"))["content"]!;
        Assert.Equal(org.Users.Where(u => u.Role == "ADMIN" && u.DateDeleted is null).Select(u => u.Id), admins.Select(a => (string)a["user"]!["id"]!));

        var overdue = (await SendAsync(client, "GET", "/api2/v1/projects?dueInHours=-1&statuses=ASSIGNED"))["content"]!.Select(p => (string)p["uid"]!).ToArray();
        Assert.Contains(SeedIds.OverdueProject, overdue);
        var now = lab.Emulator.UtcNow;
        Assert.All(overdue, uid => Assert.True(org.Projects.Find(uid)!.DateDue < now));
        var lateJobs = (await SendAsync(client, "GET", $"/api2/v2/projects/{SeedIds.OverdueProject}/jobs?dueInHours=-1&status=ACCEPTED"))["content"]!;
        Assert.NotEmpty(lateJobs);
        Assert.All(lateJobs, j => Assert.True(DateTimeOffset.Parse((string)j["dateDue"]!, System.Globalization.CultureInfo.InvariantCulture) < now));
    }
}
