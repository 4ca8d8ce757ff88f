using System.Net;
using System.Text.RegularExpressions;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Emulator;

/// <summary>What every core-area list route shares: the page shape, paging that adds up, pageSize limits, auth and
/// faults applying to the new routes, and determinism.</summary>
[Collection(EmulatorCollection.Name)]
public sealed partial class CoreAreaRoutesTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emu => fixture.Emulator;

    public static TheoryData<string> PagedLists() => new()
    {
        "api2/v1/projects",
        $"api2/v2/projects/{SeedIds.BigProject}/jobs",
        "api2/v1/transMemories",
        "api2/v1/termBases",
        "api2/v1/users",
        "api2/v1/projectTemplates",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$")]
    internal static partial Regex Plus0000();

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task Pages_have_the_documented_shape_and_default_to_50(string path)
    {
        using var api = new EmulatorApi(Emu);
        var page = await api.GetOkAsync(path);
        foreach (var field in new[] { "content", "pageNumber", "pageSize", "numberOfElements", "totalElements", "totalPages", "sort" })
            Assert.True(page.ContainsKey(field), $"{path}: no {field}");
        Assert.Equal(0, (int)page["pageNumber"]!);
        Assert.Equal(50, (int)page["pageSize"]!);
        Assert.Equal(page["content"]!.AsArray().Count, (int)page["numberOfElements"]!);
        Assert.NotNull(page["sort"]!["orders"]!.AsArray());
        Assert.True((int)page["totalElements"]! > 0);
    }

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task Pages_add_up_to_totalElements_without_duplicates_and_a_page_past_the_end_is_empty(string path)
    {
        using var api = new EmulatorApi(Emu);
        var first = await api.GetOkAsync($"{path}?pageSize=7");
        int total = (int)first["totalElements"]!, pages = (int)first["totalPages"]!;
        Assert.Equal((total + 6) / 7, pages);

        var all = await api.AllAsync(path, pageSize: 7);
        Assert.Equal(total, all.Count);
        Assert.Equal(total, EmulatorApi.Uids(all).Distinct().Count());
        var everything = await api.AllAsync(path);
        Assert.Equal(EmulatorApi.Uids(everything), EmulatorApi.Uids(all));

        var past = await api.GetOkAsync($"{path}?pageSize=7&pageNumber={pages}");
        Assert.Empty(past["content"]!.AsArray());
        Assert.Equal(0, (int)past["numberOfElements"]!);
        Assert.Equal(total, (int)past["totalElements"]!);
        Assert.Equal(pages, (int)past["pageNumber"]!);
    }

    public static TheoryData<string, string, string> BadPages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in PagedLists())
        {
            data.Add(path, "pageSize=51", "pageSize: must be between 1 and 50");
            data.Add(path, "pageSize=0", "pageSize: must be between 1 and 50");
            data.Add(path, "pageSize=ten", "pageSize: must be an integer");
            data.Add(path, "pageNumber=-1", "pageNumber: must be greater than or equal to 0");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadPages))]
    public async Task Page_parameters_outside_the_limits_are_refused_with_400(string path, string query, string description)
    {
        using var api = new EmulatorApi(Emu);
        var answer = await api.GetAsync($"{path}?{query}");
        Assert.Equal(description, EmulatorApi.AssertError(answer, HttpStatusCode.BadRequest, "InvalidArguments"));
    }

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task Unknown_query_parameters_are_ignored(string path)
    {
        using var api = new EmulatorApi(Emu);
        var plain = await api.GetOkAsync(path);
        var extra = await api.GetOkAsync($"{path}?noSuchFilter=1&sortBy=whatever");
        Assert.Equal(plain.ToJsonString(), extra.ToJsonString());
    }

    [Theory]
    [InlineData("GET", "api2/v1/projects")]
    [InlineData("GET", "api2/v1/projects/aBcD123")]
    [InlineData("DELETE", "api2/v1/projects/aBcD123")]
    [InlineData("POST", "api2/v3/projects")]
    [InlineData("POST", "api2/v2/projects/applyTemplate/tmplWeb0001")]
    [InlineData("POST", "api2/v1/projects/aBcD123/setStatus")]
    [InlineData("GET", "api2/v2/projects/aBcD123/jobs")]
    [InlineData("GET", "api2/v1/projects/aBcD123/jobs/x")]
    [InlineData("POST", "api2/v1/projects/aBcD123/jobs/x/setStatus")]
    [InlineData("GET", "api2/v1/transMemories")]
    [InlineData("GET", "api2/v1/transMemories/tmOk000001")]
    [InlineData("GET", "api2/v1/termBases")]
    [InlineData("GET", "api2/v1/termBases/tbOk000001")]
    [InlineData("GET", "api2/v1/users")]
    [InlineData("GET", "api2/v3/users/demoUser0001")]
    [InlineData("GET", "api2/v1/projectTemplates")]
    [InlineData("GET", "api2/v1/projectTemplates/tmplWeb0001")]
    [InlineData("GET", "api2/v1/connectors")]
    [InlineData("GET", "api2/v1/connectors/cnGitHub0001")]
    public async Task Every_new_route_needs_a_token(string method, string path)
    {
        using var api = new EmulatorApi(Emu, authenticated: false);
        var answer = await api.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
        EmulatorApi.AssertError(answer, HttpStatusCode.Unauthorized, "AuthUnauthorized");
        Assert.NotNull(Emu.Data.Organization.Projects.Find(SeedIds.DemoProject)); // the DELETE did not get through
    }

    [Fact]
    public async Task Faults_apply_to_the_new_routes()
    {
        await using var emu = await PhraseTmsEmulator.StartAsync();
        emu.Faults.Add("GET", "/api2/v1/transMemories", new Fault(FaultKind.ServerError) { StatusCode = 503 });
        emu.Faults.Add("POST", "/setStatus", new Fault(FaultKind.TooManyRequests));
        using var api = new EmulatorApi(emu);

        EmulatorApi.AssertError(await api.GetAsync("api2/v1/transMemories"), HttpStatusCode.ServiceUnavailable, "InternalError");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api2/v1/transMemories")).Status);
        var job = emu.Data.Organization.Projects.Find(SeedIds.BigProject)!.Jobs[0];
        var before = job.Status;
        EmulatorApi.AssertError(await api.PostAsync($"api2/v1/projects/{SeedIds.BigProject}/jobs/{job.Uid}/setStatus",
            """{"requestedStatus":"CANCELLED"}"""), HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal(before, job.Status);
        Assert.Equal(2, emu.Faults.Triggered);
    }

    public static TheoryData<string> FirstPages() => new()
    {
        "api2/v1/projects",
        $"api2/v2/projects/{SeedIds.BigProject}/jobs",
        $"api2/v1/projects/{SeedIds.BigProject}",
        "api2/v1/transMemories?pageNumber=1",
        "api2/v1/termBases",
        "api2/v1/users?includeDeleted=true",
        "api2/v3/users/demoUser0001",
        "api2/v1/projectTemplates",
        "api2/v1/connectors",
    };

    [Theory]
    [MemberData(nameof(FirstPages))]
    public async Task Two_emulators_with_the_same_seed_and_anchor_serve_the_same_answer(string path)
    {
        var now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        await using var a = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { Now = now, Seed = 7 });
        await using var b = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { Now = now, Seed = 7 });
        using var apiA = new EmulatorApi(a);
        using var apiB = new EmulatorApi(b);
        Assert.Equal((await apiA.GetOkAsync(path)).ToJsonString(), (await apiB.GetOkAsync(path)).ToJsonString());
    }

    [Fact]
    public async Task Another_seed_gives_other_generated_data_but_the_same_well_known_ids()
    {
        var now = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        await using var a = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { Now = now, Seed = 7 });
        await using var b = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { Now = now, Seed = 8 });
        using var apiA = new EmulatorApi(a);
        using var apiB = new EmulatorApi(b);
        var projectsA = EmulatorApi.Uids(await apiA.AllAsync("api2/v1/projects"));
        var projectsB = EmulatorApi.Uids(await apiB.AllAsync("api2/v1/projects"));
        Assert.NotEqual(projectsA.Order(), projectsB.Order());
        Assert.Equal(projectsA.Count, projectsB.Count);
        foreach (var known in new[] { SeedIds.DemoProject, SeedIds.BigProject, SeedIds.WorkflowProject, SeedIds.OverdueProject })
        {
            Assert.Contains(known, projectsA);
            Assert.Contains(known, projectsB);
        }
        Assert.Equal(120, (int)(await apiB.GetOkAsync($"api2/v2/projects/{SeedIds.BigProject}/jobs"))["totalElements"]!);
    }

    [Fact]
    public async Task Dates_are_written_with_a_plus0000_offset()
    {
        using var api = new EmulatorApi(Emu);
        var project = await api.GetOkAsync($"api2/v1/projects/{SeedIds.BigProject}");
        Assert.Matches(Plus0000(), (string)project["dateCreated"]!);
        Assert.Matches(Plus0000(), (string)project["dateDue"]!);
        var job = (await api.GetOkAsync($"api2/v2/projects/{SeedIds.BigProject}/jobs"))["content"]![0]!;
        Assert.Matches(Plus0000(), (string)job["dateCreated"]!);
        Assert.Matches(Plus0000(), (string)(await api.GetOkAsync("api2/v1/transMemories/tmOk000001"))["dateCreated"]!);
        Assert.Matches(Plus0000(), (string)(await api.GetOkAsync("api2/v1/connectors/cnGitHub0001"))["createdAt"]!);
    }
}
