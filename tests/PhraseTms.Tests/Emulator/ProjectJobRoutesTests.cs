using System.Net;
using System.Text.Json.Nodes;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Emulator;

/// <summary>GET /api2/v2/projects/{projectUid}/jobs, GET /api2/v1/projects/{projectUid}/jobs/{jobUid} and POST
/// .../jobs/{jobUid}/setStatus. Tests that change data start their own emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ProjectJobRoutesTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emu => fixture.Emulator;

    private static string JobsOf(string projectUid, string query = "") =>
        $"api2/v2/projects/{projectUid}/jobs{(query.Length > 0 ? "?" + query : "")}";

    private static List<string> Expected(PhraseTmsEmulator emu, string projectUid, Func<OrgJob, bool> match, int level = 1) =>
        emu.Data.Organization.Projects.Find(projectUid)!.Jobs.Where(j => j.WorkflowLevel == level).Where(match).Select(j => j.Uid).ToList();

    [Fact]
    public async Task The_big_project_has_120_jobs_on_three_pages_of_50()
    {
        using var api = new EmulatorApi(Emu);
        var sizes = new List<int>();
        for (var page = 0; page < 3; page++)
        {
            var body = await api.GetOkAsync(JobsOf(SeedIds.BigProject, $"pageNumber={page}"));
            Assert.Equal(120, (int)body["totalElements"]!);
            Assert.Equal(3, (int)body["totalPages"]!);
            sizes.Add((int)body["numberOfElements"]!);
        }
        Assert.Equal([50, 50, 20], sizes);
        var all = await api.AllAsync(JobsOf(SeedIds.BigProject));
        Assert.Equal(["de", "es", "fr", "it"], all.Select(j => (string)j["targetLang"]!).Distinct().Order());
        Assert.True(all.Select(j => (string)j["status"]!).Distinct().Count() >= 5);
        Assert.Equal(30, all.Select(j => (string)j["sourceFileUid"]!).Distinct().Count());
    }

    [Fact]
    public async Task A_listed_job_has_the_JobPartReferenceV2_fields()
    {
        using var api = new EmulatorApi(Emu);
        var job = ProjectRoutesTests.First(await api.GetOkAsync(JobsOf(SeedIds.WorkflowProject)));
        foreach (var field in new[] { "uid", "innerId", "status", "providers", "targetLang", "workflowStep", "filename", "originalFileDirectory",
                     "dateDue", "dateCreated", "importStatus", "continuous", "sourceFileUid", "split", "serverTaskId", "owner", "remoteFile", "imported" })
            Assert.True(job.ContainsKey(field), field);
        Assert.Equal("Translation", (string)job["workflowStep"]!["name"]!);
        Assert.Equal(1, (int)job["workflowStep"]!["workflowLevel"]!);
        Assert.Equal("OK", (string)job["importStatus"]!["status"]!);
        Assert.Equal("legal", (string)job["originalFileDirectory"]!);
    }

    public static TheoryData<string, string> Filters() => new()
    {
        { "status=COMPLETED", "status" },
        { "status=NEW&status=ACCEPTED", "status repeated" },
        { "status=DELIVERED,DECLINED", "status comma separated" },
        { "targetLang=fr", "targetLang" },
        { "filename=section-1", "filename" },
        { "dueInHours=72", "dueInHours" },
        { "status=ACCEPTED&targetLang=de", "combined" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_job_filter_selects_what_the_data_says(string query, string what)
    {
        using var api = new EmulatorApi(Emu);
        var now = Emu.UtcNow;
        var expected = Expected(Emu, SeedIds.BigProject, what switch
        {
            "status" => j => j.Status == "COMPLETED",
            "status repeated" => j => j.Status is "NEW" or "ACCEPTED",
            "status comma separated" => j => j.Status is "DELIVERED" or "DECLINED",
            "targetLang" => j => j.TargetLang == "fr",
            "filename" => j => j.Filename.StartsWith("section-1", StringComparison.Ordinal),
            "dueInHours" => j => j.DateDue <= now + TimeSpan.FromHours(72),
            "combined" => j => j.Status == "ACCEPTED" && j.TargetLang == "de",
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        });
        var served = EmulatorApi.Uids(await api.AllAsync(JobsOf(SeedIds.BigProject, query)));
        Assert.NotEmpty(served);
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task AssignedUser_selects_the_jobs_of_one_linguist()
    {
        using var api = new EmulatorApi(Emu);
        var provider = Emu.Data.Organization.Projects.Find(SeedIds.BigProject)!.Jobs.SelectMany(j => j.Providers).First();
        var expected = Expected(Emu, SeedIds.BigProject, j => j.Providers.Any(p => p.Id == provider.Id));
        var served = await api.AllAsync(JobsOf(SeedIds.BigProject, $"assignedUser={provider.Id}"));
        Assert.Equal(expected, EmulatorApi.Uids(served));
        Assert.All(served, j => Assert.Contains(j["providers"]!.AsArray(), p => (string)p!["id"]! == provider.Id && (string)p["type"]! == "USER"));
        Assert.Equal(provider.Uid, Emu.Data.Organization.Users.Single(u => u.Id == provider.Id).Uid);
        Assert.Empty((await api.GetOkAsync(JobsOf(SeedIds.BigProject, "assignedVendor=1")))["content"]!.AsArray());
    }

    [Fact]
    public async Task WorkflowLevel_lists_the_jobs_of_that_step()
    {
        using var api = new EmulatorApi(Emu);
        var level1 = await api.AllAsync(JobsOf(SeedIds.WorkflowProject));
        var level2 = await api.AllAsync(JobsOf(SeedIds.WorkflowProject, "workflowLevel=2"));
        Assert.Equal(6, level1.Count);
        Assert.Equal(6, level2.Count);
        Assert.All(level2, j => Assert.Equal("Revision", (string)j["workflowStep"]!["name"]!));
        Assert.Empty(await api.AllAsync(JobsOf(SeedIds.WorkflowProject, "workflowLevel=3")));
        Assert.Empty(await api.AllAsync(JobsOf(SeedIds.EmptyProject)));
    }

    [Theory]
    [InlineData("status=DONE", "status: invalid value 'DONE'")]
    [InlineData("workflowLevel=0", "workflowLevel: must be between 1 and 15")]
    [InlineData("workflowLevel=16", "workflowLevel: must be between 1 and 15")]
    [InlineData("assignedUser=me", "assignedUser: must be an integer")]
    [InlineData("dueInHours=soon", "dueInHours: must be an integer")]
    [InlineData("count=1", "count: must be true or false")]
    public async Task Bad_job_filters_are_refused_naming_the_parameter(string query, string start)
    {
        using var api = new EmulatorApi(Emu);
        Assert.StartsWith(start, EmulatorApi.AssertError(await api.GetAsync(JobsOf(SeedIds.BigProject, query)), HttpStatusCode.BadRequest, "InvalidArguments"));
    }

    [Fact]
    public async Task Get_job_answers_JobPartExtendedDto_with_its_project()
    {
        using var api = new EmulatorApi(Emu);
        var seeded = Emu.Data.Organization.Projects.Find(SeedIds.WorkflowProject)!.Jobs.First(j => j.WorkflowLevel == 2);
        var job = await api.GetOkAsync($"api2/v1/projects/{SeedIds.WorkflowProject}/jobs/{seeded.Uid}");
        Assert.Equal(seeded.Uid, (string)job["uid"]!);
        Assert.Equal(seeded.Status, (string)job["status"]!);
        Assert.Equal("en", (string)job["sourceLang"]!);
        Assert.Equal(seeded.TargetLang, (string)job["targetLang"]!);
        Assert.Equal(2, (int)job["workflowLevel"]!);
        Assert.Equal(2, (int)job["lastWorkflowLevel"]!);
        Assert.Equal(seeded.WordsCount, (int)job["wordsCount"]!);
        Assert.Equal(SeedIds.WorkflowProject, (string)job["project"]!["uid"]!);
        Assert.Equal("Legal contracts", (string)job["project"]!["name"]!);
        Assert.Equal(seeded.Filename, (string)job["jobReference"]!["filename"]!);
    }

    [Fact]
    public async Task Unknown_projects_and_jobs_are_404()
    {
        using var api = new EmulatorApi(Emu);
        var job = Emu.Data.Organization.Projects.Find(SeedIds.BigProject)!.Jobs[0].Uid;
        Assert.Contains("noSuchJob", EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projects/{SeedIds.BigProject}/jobs/noSuchJob"),
            HttpStatusCode.NotFound, "ResourceNotFound"));
        Assert.Contains("noSuchProject", EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projects/noSuchProject/jobs/{job}"),
            HttpStatusCode.NotFound, "ResourceNotFound"));
        // a job of another project is not found through this one
        EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projects/{SeedIds.WorkflowProject}/jobs/{job}"), HttpStatusCode.NotFound, "ResourceNotFound");
        EmulatorApi.AssertError(await api.GetAsync(JobsOf("noSuchProject")), HttpStatusCode.NotFound, "ResourceNotFound");
        EmulatorApi.AssertError(await api.PostAsync($"api2/v1/projects/{SeedIds.BigProject}/jobs/noSuchJob/setStatus",
            """{"requestedStatus":"DELIVERED"}"""), HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task SetStatus_changes_what_get_and_the_list_show()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var job = emu.Data.Organization.Projects.Find(SeedIds.BigProject)!.Jobs.First(j => j.Status == "COMPLETED");
        var path = $"api2/v1/projects/{SeedIds.BigProject}/jobs/{job.Uid}";

        var answer = await api.PostAsync(path + "/setStatus", """{"requestedStatus":"DELIVERED","notifyOwner":false,"propagateStatus":false}""");
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal("", answer.Text);
        Assert.Equal("DELIVERED", (string)(await api.GetOkAsync(path))["status"]!);
        Assert.Contains(job.Uid, EmulatorApi.Uids(await api.AllAsync(JobsOf(SeedIds.BigProject, "status=DELIVERED"))));
        Assert.DoesNotContain(job.Uid, EmulatorApi.Uids(await api.AllAsync(JobsOf(SeedIds.BigProject, "status=COMPLETED"))));
    }

    public static TheoryData<string, string> BadSetStatusBodies() => new()
    {
        { "{}", "requestedStatus: must not be null" },
        { """{"requestedStatus":"DONE"}""", "requestedStatus: invalid value 'DONE'; accepted values: NEW, ACCEPTED, DECLINED, REJECTED, DELIVERED, EMAILED, COMPLETED, CANCELLED" },
        { """{"requestedStatus":"delivered"}""", "requestedStatus: invalid value 'delivered'; accepted values: NEW, ACCEPTED, DECLINED, REJECTED, DELIVERED, EMAILED, COMPLETED, CANCELLED" },
        { """{"requestedStatus":"DELIVERED","notifyOwner":"yes"}""", "notifyOwner: must be a boolean" },
        { """{"requestedStatus":"DELIVERED","propagateStatus":1}""", "propagateStatus: must be a boolean" },
        { "DELIVERED", "The request body must be a JSON object (JobStatusChangeActionDto)" },
    };

    [Theory]
    [MemberData(nameof(BadSetStatusBodies))]
    public async Task SetStatus_refuses_a_bad_body_and_changes_nothing(string body, string description)
    {
        using var api = new EmulatorApi(Emu);
        var job = Emu.Data.Organization.Projects.Find(SeedIds.BigProject)!.Jobs[3];
        var before = job.Status;
        Assert.Equal(description, EmulatorApi.AssertError(await api.PostAsync($"api2/v1/projects/{SeedIds.BigProject}/jobs/{job.Uid}/setStatus", body),
            HttpStatusCode.BadRequest, "InvalidArguments"));
        Assert.Equal(before, job.Status);
    }

    [Fact]
    public async Task PropagateStatus_also_sets_the_same_file_and_language_on_the_other_workflow_levels()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var project = emu.Data.Organization.Projects.Find(SeedIds.WorkflowProject)!;
        var translation = project.Jobs.First(j => j.WorkflowLevel == 1);
        var revision = project.Jobs.Single(j => j.WorkflowLevel == 2 && j.SourceFileUid == translation.SourceFileUid && j.TargetLang == translation.TargetLang);
        var others = project.Jobs.Where(j => j != translation && j != revision).Select(j => (j, j.Status)).ToList();

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"api2/v1/projects/{SeedIds.WorkflowProject}/jobs/{translation.Uid}/setStatus",
            """{"requestedStatus":"EMAILED","propagateStatus":true}""")).Status);
        Assert.Equal("EMAILED", (string)(await api.GetOkAsync($"api2/v1/projects/{SeedIds.WorkflowProject}/jobs/{revision.Uid}"))["status"]!);
        Assert.All(others, o => Assert.Equal(o.Status, o.j.Status));
    }

    /// <summary>The pipeline Get-PhraseTmsProject -Status ASSIGNED | Get-PhraseTmsJob | Where Status -eq COMPLETED |
    /// Set-PhraseTmsJobStatus -Status DELIVERED, over plain HTTP: the listed job carries no project, the caller keeps it.</summary>
    [Fact]
    public async Task Assigned_projects_completed_jobs_can_all_be_delivered()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var changed = 0;
        foreach (var project in await api.AllAsync("api2/v1/projects?statuses=ASSIGNED"))
        {
            var uid = (string)project["uid"]!;
            foreach (var job in (await api.AllAsync(JobsOf(uid))).Where(j => (string)j["status"]! == "COMPLETED"))
            {
                var answer = await api.PostAsync($"api2/v1/projects/{uid}/jobs/{(string)job["uid"]!}/setStatus", """{"requestedStatus":"DELIVERED"}""");
                Assert.Equal(HttpStatusCode.NoContent, answer.Status);
                changed++;
            }
            Assert.Empty(await api.AllAsync(JobsOf(uid, "status=COMPLETED")));
        }
        Assert.True(changed > 10, $"only {changed} jobs changed");
    }

    [Fact]
    public async Task Jobs_created_from_a_connector_task_join_the_projects_job_list()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var before = (int)(await api.GetOkAsync(JobsOf(SeedIds.DemoProject)))["totalElements"]!;
        var created = await api.PostAsync($"api2/v1/projects/{SeedIds.DemoProject}/jobs/connectorTask?downloadTaskId={SeedIds.DownloadSuccessHtml}",
            """{"targetLangs":["de","fr"]}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var uids = created.Object["jobs"]!.AsArray().Select(j => (string)j!["uid"]!).ToList();
        Assert.Equal(2, uids.Count);

        var listed = await api.AllAsync(JobsOf(SeedIds.DemoProject));
        Assert.Equal(before + 2, listed.Count);
        Assert.Equal(uids, EmulatorApi.Uids(listed).TakeLast(2));
        var job = await api.GetOkAsync($"api2/v1/projects/{SeedIds.DemoProject}/jobs/{uids[0]}");
        Assert.Equal("NEW", (string)job["status"]!);
        Assert.Equal("website/en/index.html", (string)job["filename"]!);
        Assert.Equal("Translation", (string)job["workflowStep"]!["name"]!);
        Assert.Equal(uids.Order(), EmulatorApi.Uids(await api.AllAsync(JobsOf(SeedIds.DemoProject, "filename=en/index.html"))).Order());
    }

    internal static JsonObject Job(JsonObject page, int index) => page["content"]![index]!.AsObject();
}
