using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Emulator;

/// <summary>GET/DELETE /api2/v1/projects[/{uid}], POST .../setStatus, POST /api2/v3/projects and
/// POST /api2/v2/projects/applyTemplate/{templateUid}. Tests that change data start their own emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ProjectRoutesTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emu => fixture.Emulator;

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The uids the list must serve for a query, computed from the served data (newest first).</summary>
    private static List<string> Expected(PhraseTmsEmulator emu, Func<OrgProject, bool> match, bool includeArchived = false) =>
        emu.Data.Organization.Projects.All.Where(p => includeArchived || !p.Archived).Where(match)
            .OrderByDescending(p => p.DateCreated).ThenByDescending(p => p.InternalId).Select(p => p.Uid).ToList();

    [Fact]
    public async Task The_list_holds_every_unarchived_project_newest_first_in_several_statuses()
    {
        using var api = new EmulatorApi(Emu);
        var all = await api.AllAsync("api2/v1/projects", pageSize: 10);
        Assert.Equal(Expected(Emu, _ => true), EmulatorApi.Uids(all));
        Assert.True(all.Count > 40);
        var statuses = all.Select(p => (string)p["status"]!).ToHashSet();
        foreach (var s in new[] { "NEW", "ASSIGNED", "COMPLETED", "CANCELLED", "ACCEPTED_BY_VENDOR" }) Assert.Contains(s, statuses);
        foreach (var known in new[] { SeedIds.DemoProject, SeedIds.MobileProject, SeedIds.EmptyProject, SeedIds.OnePageProject, SeedIds.PartialProject })
            Assert.Contains(known, EmulatorApi.Uids(all));
        var dates = all.Select(p => DateTimeOffset.Parse((string)p["dateCreated"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    public static TheoryData<string, string> Filters() => new()
    {
        { "name=CATALOGUE", "name" },
        { "statuses=ASSIGNED&statuses=COMPLETED", "statuses" },
        { "statuses=NEW,CANCELLED", "statuses (comma separated)" },
        { $"clientId={SeedIds.ClientContoso}", "clientId" },
        { "clientName=acme", "clientName" },
        { "domainName=legal", "domainName" },
        { "domainId=603", "domainId" },
        { "subDomainId=651", "subDomainId" },
        { "costCenterId=701", "costCenterId" },
        { "businessUnitName=enter", "businessUnitName" },
        { "sourceLangs=de", "sourceLangs" },
        { "targetLangs=ja&targetLangs=sv", "targetLangs" },
        { "dueInHours=-1", "dueInHours overdue" },
        { "dueInHours=72", "dueInHours" },
        { "createdInLastHours=23", "createdInLastHours" },
        { "ownerId=1001", "ownerId" },
        { "jobStatuses=DECLINED", "jobStatuses" },
        { "jobStatusGroup=COMPLETED", "jobStatusGroup" },
        { "buyerId=5", "buyerId" },
        { "includeArchived=true", "includeArchived" },
        { "archivedOnly=true", "archivedOnly" },
        { "statuses=ASSIGNED&clientName=o&targetLangs=de", "combined" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_selects_what_the_data_says(string query, string what)
    {
        using var api = new EmulatorApi(Emu);
        var now = Emu.UtcNow;
        var expected = what switch
        {
            "name" => Expected(Emu, p => p.Name.Contains("catalogue", StringComparison.OrdinalIgnoreCase)),
            "statuses" => Expected(Emu, p => p.Status is "ASSIGNED" or "COMPLETED"),
            "statuses (comma separated)" => Expected(Emu, p => p.Status is "NEW" or "CANCELLED"),
            "clientId" => Expected(Emu, p => p.Client?.Id == SeedIds.ClientContoso),
            "clientName" => Expected(Emu, p => p.Client?.Name == "Acme Corp"),
            "domainName" => Expected(Emu, p => p.Domain?.Name == "Legal"),
            "domainId" => Expected(Emu, p => p.Domain?.Id == "603"),
            "subDomainId" => Expected(Emu, p => p.SubDomain?.Id == "651"),
            "costCenterId" => Expected(Emu, p => p.CostCenter?.Id == "701"),
            "businessUnitName" => Expected(Emu, p => p.BusinessUnit?.Name == "Enterprise"),
            "sourceLangs" => Expected(Emu, p => p.SourceLang == "de"),
            "targetLangs" => Expected(Emu, p => p.TargetLangs.Contains("ja") || p.TargetLangs.Contains("sv")),
            "dueInHours overdue" => Expected(Emu, p => p.DateDue < now),
            "dueInHours" => Expected(Emu, p => p.DateDue <= now + TimeSpan.FromHours(72)),
            "createdInLastHours" => Expected(Emu, p => p.DateCreated >= now - TimeSpan.FromHours(23)),
            "ownerId" => Expected(Emu, p => p.Owner.Id == "1001"),
            "jobStatuses" => Expected(Emu, p => p.Jobs.Any(j => j.Status == "DECLINED")),
            "jobStatusGroup" => Expected(Emu, p => p.Jobs.Any(j => j.Status is "COMPLETED" or "DELIVERED")),
            "buyerId" => [],
            "includeArchived" => Expected(Emu, _ => true, includeArchived: true),
            "archivedOnly" => Expected(Emu, p => p.Archived, includeArchived: true),
            "combined" => Expected(Emu, p => p.Status == "ASSIGNED" && p.Client?.Name.Contains('o') == true && p.TargetLangs.Contains("de")),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var served = EmulatorApi.Uids(await api.AllAsync($"api2/v1/projects?{query}"));
        Assert.Equal(expected, served);
        if (what is not ("buyerId" or "jobStatuses" or "costCenterId" or "subDomainId")) Assert.NotEmpty(served);
    }

    [Fact]
    public async Task Well_known_projects_answer_the_well_known_filters()
    {
        using var api = new EmulatorApi(Emu);
        Assert.Contains(SeedIds.OverdueProject, EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?dueInHours=-1")));
        Assert.Equal([SeedIds.ArchivedProject], EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?archivedOnly=true")));
        Assert.DoesNotContain(SeedIds.ArchivedProject, EmulatorApi.Uids(await api.AllAsync("api2/v1/projects")));
        Assert.Equal([SeedIds.OnePageProject, SeedIds.PartialProject], EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?createdInLastHours=23")));
        Assert.Contains(SeedIds.BigProject, EmulatorApi.Uids(await api.AllAsync($"api2/v1/projects?clientId={SeedIds.ClientContoso}&statuses=ASSIGNED")));
        var big = Emu.Data.Organization.Projects.Find(SeedIds.BigProject)!;
        Assert.Equal([SeedIds.BigProject], EmulatorApi.Uids(await api.AllAsync($"api2/v1/projects?nameOrInternalId={big.InternalId}")));
        Assert.Equal([SeedIds.WorkflowProject], EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?nameOrInternalId=legal%20contr")));
    }

    [Theory]
    [InlineData("statuses=DONE", "statuses: invalid value 'DONE'")]
    [InlineData("statuses=assigned", "statuses: invalid value 'assigned'")]
    [InlineData("clientId=abc", "clientId: must be an integer")]
    [InlineData("ownerId=1.5", "ownerId: must be an integer")]
    [InlineData("dueInHours=-2", "dueInHours: must be greater than or equal to -1")]
    [InlineData("createdInLastHours=-1", "createdInLastHours: must be greater than or equal to 0")]
    [InlineData("includeArchived=maybe", "includeArchived: must be true or false")]
    [InlineData("jobStatuses=REJECTED", "jobStatuses: invalid value 'REJECTED'")]
    [InlineData("jobStatusGroup=DONE", "jobStatusGroup: invalid value 'DONE'")]
    public async Task Bad_filter_values_are_refused_naming_the_parameter(string query, string start)
    {
        using var api = new EmulatorApi(Emu);
        var description = EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projects?{query}"), HttpStatusCode.BadRequest, "InvalidArguments");
        Assert.StartsWith(start, description);
    }

    [Fact]
    public async Task Get_project_answers_the_documented_dto()
    {
        using var api = new EmulatorApi(Emu);
        var p = await api.GetOkAsync($"api2/v1/projects/{SeedIds.WorkflowProject}");
        var seeded = Emu.Data.Organization.Projects.Find(SeedIds.WorkflowProject)!;
        Assert.Equal(SeedIds.WorkflowProject, (string)p["uid"]!);
        Assert.Equal(seeded.InternalId, (int)p["internalId"]!);
        Assert.Equal(seeded.Id, (string)p["id"]!);
        Assert.Equal("Legal contracts", (string)p["name"]!);
        Assert.Equal("ASSIGNED", (string)p["status"]!);
        Assert.Equal("en", (string)p["sourceLang"]!);
        Assert.Equal(["de", "fr"], p["targetLangs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("Acme Corp", (string)p["client"]!["name"]!);
        Assert.Equal(SeedIds.ClientAcme, (string)p["client"]!["id"]!);
        Assert.Equal("Legal", (string)p["domain"]!["name"]!);
        Assert.Equal("demo", (string)p["owner"]!["userName"]!);
        Assert.Equal("ADMIN", (string)p["userRole"]!);
        Assert.False((bool)p["archived"]!);
        var steps = p["workflowSteps"]!.AsArray();
        Assert.Equal(["Translation", "Revision"], steps.Select(s => (string)s!["name"]!));
        Assert.Equal([1, 2], steps.Select(s => (int)s!["workflowLevel"]!));
        Assert.Equal(12, (int)p["progress"]!["totalCount"]!);
        Assert.Equal(seeded.Jobs.Count(j => j.Status is "COMPLETED" or "DELIVERED"), (int)p["progress"]!["finishedCount"]!);
        foreach (var field in new[] { "dateCreated", "dateDue", "subDomain", "costCenter", "businessUnit", "createdBy", "note",
                     "purchaseOrder", "shared", "references", "mtSettingsPerLanguageList", "projectWorkflowSettings", "isPublishedOnJobBoard" })
            Assert.True(p.ContainsKey(field), field);
    }

    [Fact]
    public async Task An_unknown_project_is_404_ResourceNotFound_naming_it()
    {
        using var api = new EmulatorApi(Emu);
        var description = EmulatorApi.AssertError(await api.GetAsync("api2/v1/projects/noSuchProject"), HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Contains("noSuchProject", description);
        EmulatorApi.AssertError(await api.DeleteAsync("api2/v1/projects/noSuchProject"), HttpStatusCode.NotFound, "ResourceNotFound");
        EmulatorApi.AssertError(await api.PostAsync("api2/v1/projects/noSuchProject/setStatus", """{"status":"NEW"}"""),
            HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Create_get_list_delete_then_404()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var before = (int)(await api.GetOkAsync("api2/v1/projects"))["totalElements"]!;

        var created = await api.PostAsync("api2/v3/projects", """
            {"name":"Spring launch","sourceLang":"en","targetLangs":["de","fr"],"client":{"id":"501"},"domain":{"id":602},
             "workflowSteps":[{"id":"7001"},{"id":"7002"}],"dateDue":"2026-12-24T12:00:00Z","note":"Q2","purchaseOrder":"PO-1",
             "propagateTranslationsToLowerWfDuringUpdateSource":true}
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var p = created.Object;
        var uid = (string)p["uid"]!;
        Assert.Equal("Spring launch", (string)p["name"]!);
        Assert.Equal("NEW", (string)p["status"]!);
        Assert.Equal(["de", "fr"], p["targetLangs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("Acme Corp", (string)p["client"]!["name"]!);
        Assert.Equal("Legal", (string)p["domain"]!["name"]!);
        Assert.Equal("2026-12-24T12:00:00+0000", (string)p["dateDue"]!);
        Assert.Equal(["Translation", "Revision"], p["workflowSteps"]!.AsArray().Select(s => (string)s!["workflowStep"]!["name"]!));
        Assert.True((bool)p["projectWorkflowSettings"]!["propagateTranslationsToLowerWfDuringUpdateSource"]!);
        Assert.False(p.ContainsKey("archived")); // AbstractProjectDtoV2 has no archived
        Assert.Equal(0, (int)p["progress"]!["totalCount"]!);

        var got = await api.GetOkAsync($"api2/v1/projects/{uid}");
        Assert.Equal("Spring launch", (string)got["name"]!);
        Assert.Equal((int)p["internalId"]!, (int)got["internalId"]!);
        var listed = await api.GetOkAsync("api2/v1/projects?name=spring%20launch");
        Assert.Equal([uid], EmulatorApi.Uids(listed["content"]!.AsArray().Select(n => n!.AsObject())));
        Assert.Equal(before + 1, (int)(await api.GetOkAsync("api2/v1/projects"))["totalElements"]!);
        Assert.Equal(0, (int)(await api.GetOkAsync($"api2/v2/projects/{uid}/jobs"))["totalElements"]!);

        var deleted = await api.DeleteAsync($"api2/v1/projects/{uid}?purge=false");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Text);
        EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projects/{uid}"), HttpStatusCode.NotFound, "ResourceNotFound");
        EmulatorApi.AssertError(await api.DeleteAsync($"api2/v1/projects/{uid}"), HttpStatusCode.NotFound, "ResourceNotFound");
        EmulatorApi.AssertError(await api.GetAsync($"api2/v2/projects/{uid}/jobs"), HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Equal(before, (int)(await api.GetOkAsync("api2/v1/projects"))["totalElements"]!);
    }

    [Fact]
    public async Task Deleting_a_seeded_project_with_purge_removes_it_from_the_list()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"api2/v1/projects/{SeedIds.CancelledProject}?purge=true")).Status);
        Assert.DoesNotContain(SeedIds.CancelledProject, EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?includeArchived=true")));
        var description = EmulatorApi.AssertError(await api.DeleteAsync($"api2/v1/projects/{SeedIds.BigProject}?purge=yes"),
            HttpStatusCode.BadRequest, "InvalidArguments");
        Assert.StartsWith("purge:", description);
        Assert.NotNull(emu.Data.Organization.Projects.Find(SeedIds.BigProject));
    }

    [Fact]
    public async Task Deleting_a_connector_task_project_removes_it_from_the_project_routes_and_leaves_its_connector_tasks()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"api2/v1/projects/{SeedIds.DemoProject}?purge=true")).Status);
        EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projects/{SeedIds.DemoProject}"), HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api2/v1/connectorAsyncTasks?projectUid={SeedIds.DemoProject}")).Status);
    }

    public static TheoryData<string, string> BadCreateBodies() => new()
    {
        { """{"sourceLang":"en","targetLangs":["de"]}""", "name: must not be null" },
        { """{"name":"  ","sourceLang":"en","targetLangs":["de"]}""", "name: must not be blank" },
        { """{"name":42,"sourceLang":"en","targetLangs":["de"]}""", "name: must be a string" },
        { "{\"name\":\"" + new string('n', 256) + "\",\"sourceLang\":\"en\",\"targetLangs\":[\"de\"]}", "name: size must be between 0 and 255" },
        { """{"name":"x","targetLangs":["de"]}""", "sourceLang: must not be null" },
        { """{"name":"x","sourceLang":"english!","targetLangs":["de"]}""", "sourceLang: unsupported language code 'english!'" },
        { """{"name":"x","sourceLang":"en"}""", "targetLangs: must not be empty" },
        { """{"name":"x","sourceLang":"en","targetLangs":[]}""", "targetLangs: must not be empty" },
        { """{"name":"x","sourceLang":"en","targetLangs":"de"}""", "targetLangs: must be an array of strings" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de",""]}""", "targetLangs[1]: must not be blank" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de"],"client":{"id":"999"}}""", "client.id: no client with id 999" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de"],"client":"Acme"}""", "client: must be an object" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de"],"costCenter":{}}""", "costCenter.id: must not be null" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de"],"workflowSteps":[{"id":"1"}]}""", "workflowSteps[0].id: no workflow step with id 1" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de"],"dateDue":"tomorrow"}""", "dateDue: must be an ISO 8601 date-time" },
        { "{\"name\":\"x\",\"sourceLang\":\"en\",\"targetLangs\":[\"de\"],\"note\":\"" + new string('n', 4097) + "\"}", "note: size must be between 0 and 4096" },
        { """{"name":"x","sourceLang":"en","targetLangs":["de"],"fileHandover":"yes"}""", "fileHandover: must be a boolean" },
        { "[]", "The request body must be a JSON object (CreateProjectV3Dto)" },
        { "not json", "The request body must be a JSON object (CreateProjectV3Dto)" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task Create_refuses_a_bad_body_naming_the_field_and_creates_nothing(string body, string description)
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var count = emu.Data.Organization.Projects.All.Count;
        Assert.Equal(description, EmulatorApi.AssertError(await api.PostAsync("api2/v3/projects", body), HttpStatusCode.BadRequest, "InvalidArguments"));
        Assert.Equal(count, emu.Data.Organization.Projects.All.Count);
    }

    [Fact]
    public async Task A_project_from_a_template_takes_its_languages_steps_and_references_unless_given()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var answer = await api.PostAsync($"api2/v2/projects/applyTemplate/{SeedIds.TemplateLegal}", """{"name":"NDA for Initech"}""");
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var p = answer.Object;
        Assert.Equal("en", (string)p["sourceLang"]!);
        Assert.Equal(["de", "fr"], p["targetLangs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("Acme Corp", (string)p["client"]!["name"]!);
        Assert.Equal("Enterprise", (string)p["businessUnit"]!["name"]!);
        Assert.Equal(["Translation", "Revision"], p["workflowSteps"]!.AsArray().Select(s => (string)s!["name"]!));

        var custom = (await api.PostAsync($"api2/v2/projects/applyTemplate/{SeedIds.TemplateLegal}",
            """{"name":"NDA (Japanese)","targetLangs":["ja"],"client":{"id":"504"},"workflowSteps":[{"id":"7001"}]}""")).Object;
        Assert.Equal(["ja"], custom["targetLangs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("Initech", (string)custom["client"]!["name"]!);
        Assert.Single(custom["workflowSteps"]!.AsArray());
        Assert.Equal("NDA (Japanese)", (string)(await api.GetOkAsync($"api2/v1/projects/{(string)custom["uid"]!}"))["name"]!);

        EmulatorApi.AssertError(await api.PostAsync("api2/v2/projects/applyTemplate/noSuchTemplate", """{"name":"x"}"""),
            HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Equal("name: must not be null", EmulatorApi.AssertError(
            await api.PostAsync($"api2/v2/projects/applyTemplate/{SeedIds.TemplateLegal}", """{"targetLangs":["de"]}"""),
            HttpStatusCode.BadRequest, "InvalidArguments"));
        Assert.Equal("targetLangs: must not be empty", EmulatorApi.AssertError(
            await api.PostAsync($"api2/v2/projects/applyTemplate/{SeedIds.TemplateLegal}", """{"name":"x","targetLangs":[]}"""),
            HttpStatusCode.BadRequest, "InvalidArguments"));
    }

    [Fact]
    public async Task Set_project_status_changes_what_get_and_the_status_filter_show()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var api = new EmulatorApi(emu);
        var answer = await api.PostAsync($"api2/v1/projects/{SeedIds.MobileProject}/setStatus", """{"status":"COMPLETED"}""");
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal("COMPLETED", (string)(await api.GetOkAsync($"api2/v1/projects/{SeedIds.MobileProject}"))["status"]!);
        Assert.Contains(SeedIds.MobileProject, EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?statuses=COMPLETED")));
        Assert.DoesNotContain(SeedIds.MobileProject, EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?statuses=NEW")));

        Assert.StartsWith("status: invalid value 'DONE'", EmulatorApi.AssertError(
            await api.PostAsync($"api2/v1/projects/{SeedIds.MobileProject}/setStatus", """{"status":"DONE"}"""), HttpStatusCode.BadRequest, "InvalidArguments"));
        Assert.Equal("status: must not be null", EmulatorApi.AssertError(
            await api.PostAsync($"api2/v1/projects/{SeedIds.MobileProject}/setStatus", "{}"), HttpStatusCode.BadRequest, "InvalidArguments"));
    }

    [Fact]
    public async Task Created_projects_get_deterministic_uids()
    {
        var now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        async Task<string> CreateAsync()
        {
            await using var emu = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { Now = now });
            using var api = new EmulatorApi(emu);
            var body = (await api.PostAsync("api2/v3/projects", """{"name":"a","sourceLang":"en","targetLangs":["de"]}""")).Object;
            return $"{(string)body["uid"]!}/{Id((long)body["internalId"]!)}";
        }
        Assert.Equal(await CreateAsync(), await CreateAsync());
    }

    [Fact]
    public async Task The_caller_is_the_owner_of_what_it_creates_and_its_role_is_the_userRole()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        using var anonymous = new EmulatorApi(emu, authenticated: false);
        var login = await anonymous.PostAsync("api2/v1/auth/login", """{"userName":"mfa","password":"mfa-password","code":"123456"}""");
        Assert.Equal(HttpStatusCode.OK, login.Status);
        using var api = new EmulatorApi(emu, token: (string)login.Object["token"]!);

        var p = (await api.PostAsync("api2/v3/projects", """{"name":"Mine","sourceLang":"en","targetLangs":["de"]}""")).Object;
        Assert.Equal("PROJECT_MANAGER", (string)p["userRole"]!);
        Assert.Equal(SeedIds.MfaUser, (string)p["owner"]!["uid"]!);
        Assert.Equal(SeedIds.MfaUser, (string)p["createdBy"]!["uid"]!);
        Assert.Equal([(string)p["uid"]!], EmulatorApi.Uids(await api.AllAsync("api2/v1/projects?ownerId=3001")));
        Assert.Equal("PROJECT_MANAGER", (string)(await api.GetOkAsync($"api2/v1/projects/{SeedIds.BigProject}"))["userRole"]!);
    }

    [Fact]
    public async Task The_benchmark_project_is_a_project_too_when_there_are_bench_items()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { BenchItems = 10 });
        using var api = new EmulatorApi(emu);
        Assert.Equal("Benchmark project", (string)(await api.GetOkAsync($"api2/v1/projects/{SeedIds.BenchProject}"))["name"]!);
        using var shared = new EmulatorApi(Emu);
        EmulatorApi.AssertError(await shared.GetAsync($"api2/v1/projects/{SeedIds.BenchProject}"), HttpStatusCode.NotFound, "ResourceNotFound");
    }

    internal static JsonObject First(JsonObject page) => page["content"]![0]!.AsObject();
}
