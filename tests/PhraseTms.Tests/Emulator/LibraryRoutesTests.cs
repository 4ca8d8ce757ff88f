using System.Net;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Emulator;

/// <summary>Translation memories, term bases, project templates and connectors: lists, filters, get by id, 404s.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class LibraryRoutesTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emu => fixture.Emulator;

    private OrganizationData Org => Emu.Data.Organization;

    [Fact]
    public async Task Sixty_translation_memories_on_two_pages_by_name()
    {
        using var api = new EmulatorApi(Emu);
        var first = await api.GetOkAsync("api2/v1/transMemories");
        Assert.Equal(60, (int)first["totalElements"]!);
        Assert.Equal(2, (int)first["totalPages"]!);
        Assert.Equal(50, (int)first["numberOfElements"]!);
        var all = await api.AllAsync("api2/v1/transMemories");
        var names = all.Select(t => (string)t["name"]!).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        foreach (var known in new[] { SeedIds.TmOk, SeedIds.TmError, SeedIds.TmRunning, SeedIds.TmNever }) Assert.Contains(known, EmulatorApi.Uids(all));
    }

    public static TheoryData<string, string> TmFilters() => new()
    {
        { "name=demo%20memory", "name" },
        { "sourceLang=de", "sourceLang" },
        { "targetLang=ja", "targetLang" },
        { "sourceLang=en&targetLang=de", "source and target" },
        { $"clientId={SeedIds.ClientAcme}", "clientId" },
        { "domainId=601", "domainId" },
    };

    [Theory]
    [MemberData(nameof(TmFilters))]
    public async Task Each_translation_memory_filter_selects_what_the_data_says(string query, string what)
    {
        using var api = new EmulatorApi(Emu);
        Func<OrgTransMemory, bool> match = what switch
        {
            "name" => t => t.Name.Contains("demo memory", StringComparison.OrdinalIgnoreCase),
            "sourceLang" => t => t.SourceLang == "de",
            "targetLang" => t => t.TargetLangs.Contains("ja"),
            "source and target" => t => t.SourceLang == "en" && t.TargetLangs.Contains("de"),
            "clientId" => t => t.Client?.Id == SeedIds.ClientAcme,
            "domainId" => t => t.Domain?.Id == "601",
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var expected = Org.TransMemories.Where(match).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.InternalId).Select(t => t.Uid);
        var served = EmulatorApi.Uids(await api.AllAsync($"api2/v1/transMemories?{query}"));
        Assert.NotEmpty(served);
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task Get_translation_memory_answers_TransMemoryDto_and_404_for_unknown()
    {
        using var api = new EmulatorApi(Emu);
        var tm = await api.GetOkAsync($"api2/v1/transMemories/{SeedIds.TmOk}");
        Assert.Equal("Demo memory (finished)", (string)tm["name"]!);
        Assert.Equal(1, (int)tm["internalId"]!);
        Assert.Equal("en", (string)tm["sourceLang"]!);
        Assert.Equal(["de"], tm["targetLangs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("demo", (string)tm["owner"]!["userName"]!);
        foreach (var field in new[] { "id", "client", "businessUnit", "domain", "subDomain", "note", "dateCreated", "createdBy" }) Assert.True(tm.ContainsKey(field), field);
        Assert.Contains("noSuchTm", EmulatorApi.AssertError(await api.GetAsync("api2/v1/transMemories/noSuchTm"), HttpStatusCode.NotFound, "ResourceNotFound"));
        // the background-task route of the same resource still works
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api2/v1/transMemories/{SeedIds.TmOk}/lastBackgroundTask")).Status);
    }

    [Fact]
    public async Task Term_bases_filter_by_name_and_repeatable_lang()
    {
        using var api = new EmulatorApi(Emu);
        var all = await api.AllAsync("api2/v1/termBases");
        Assert.Equal(Org.TermBases.Count, all.Count);
        Assert.Equal(8, all.Count);
        Assert.Equal(["Brand names", "Medical terms"], (await api.AllAsync("api2/v1/termBases?lang=ja&lang=it")).Select(t => (string)t["name"]!));
        Assert.Equal(["Brand names", "Product terminology"], (await api.AllAsync("api2/v1/termBases?lang=fr")).Select(t => (string)t["name"]!));
        Assert.Equal(["Legal glossary"], (await api.AllAsync("api2/v1/termBases?name=LEGAL")).Select(t => (string)t["name"]!));
        Assert.Equal(["Brand names"], (await api.AllAsync($"api2/v1/termBases?clientId={SeedIds.ClientGlobex}")).Select(t => (string)t["name"]!));
        Assert.Equal(2, (await api.AllAsync("api2/v1/termBases?domainId=603")).Count);
    }

    [Fact]
    public async Task Get_term_base_answers_TermBaseDto_and_404_for_unknown()
    {
        using var api = new EmulatorApi(Emu);
        var tb = await api.GetOkAsync("api2/v1/termBases/tbBrand00001");
        Assert.Equal("Brand names", (string)tb["name"]!);
        Assert.Equal(["en", "de", "fr", "es", "it"], tb["langs"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)tb["canShow"]!);
        Assert.Equal("Never translate brand names", (string)tb["note"]!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api2/v1/termBases/{SeedIds.TbNever}")).Status);
        EmulatorApi.AssertError(await api.GetAsync("api2/v1/termBases/noSuchTb"), HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Project_templates_list_sort_and_filter()
    {
        using var api = new EmulatorApi(Emu);
        var page = await api.GetOkAsync("api2/v1/projectTemplates");
        Assert.Equal(5, (int)page["totalElements"]!);
        Assert.Equal("dateCreated", (string)page["sort"]!["orders"]![0]!["property"]!);
        Assert.Equal("DESC", (string)page["sort"]!["orders"]![0]!["direction"]!);
        var newestFirst = Org.ProjectTemplates.OrderByDescending(t => t.DateCreated).Select(t => t.Uid);
        Assert.Equal(newestFirst, EmulatorApi.Uids(await api.AllAsync("api2/v1/projectTemplates")));
        Assert.Equal(["Japanese catalogue", "Legal two-step", "Marketing (no client)", "Mobile app strings", "Website standard"],
            (await api.AllAsync("api2/v1/projectTemplates?sort=templateName&direction=asc")).Select(t => (string)t["templateName"]!));
        Assert.Equal(newestFirst.Reverse(), EmulatorApi.Uids(await api.AllAsync("api2/v1/projectTemplates?direction=asc")));
        Assert.Equal([SeedIds.TemplateLegal, SeedIds.TemplateWebsite],
            EmulatorApi.Uids(await api.AllAsync($"api2/v1/projectTemplates?clientId={SeedIds.ClientAcme}")));
        Assert.Equal([SeedIds.TemplateMobile], EmulatorApi.Uids(await api.AllAsync("api2/v1/projectTemplates?name=mobile")));
        Assert.Equal([SeedIds.TemplateMobile], EmulatorApi.Uids(await api.AllAsync("api2/v1/projectTemplates?clientName=glob")));
        Assert.Equal([SeedIds.TemplateLegal, SeedIds.TemplateWebsite], EmulatorApi.Uids(await api.AllAsync("api2/v1/projectTemplates?costCenterId=701")));
        Assert.Equal([SeedIds.TemplateMarketing, SeedIds.TemplateWebsite], EmulatorApi.Uids(await api.AllAsync("api2/v1/projectTemplates?domainName=market")));
        var pmUid = Org.ProjectTemplates.Single(t => t.Uid == SeedIds.TemplateLegal).Owner.Uid;
        Assert.Equal([SeedIds.TemplateMarketing, SeedIds.TemplateLegal], EmulatorApi.Uids(await api.AllAsync($"api2/v1/projectTemplates?ownerUid={pmUid}")));
        var listed = ProjectRoutesTests.First(await api.GetOkAsync("api2/v1/projectTemplates?name=website"));
        foreach (var field in new[] { "templateName", "sourceLang", "targetLangs", "id", "uid", "owner", "domain", "subDomain", "costCenter",
                     "businessUnit", "projectWorkflowSettings", "note", "client" })
            Assert.True(listed.ContainsKey(field), field);
    }

    [Theory]
    [InlineData("sort=name", "sort: must match \"dateCreated|templateName\"")]
    [InlineData("direction=up", "direction: must match \"asc|desc\"")]
    [InlineData("clientId=acme", "clientId: must be an integer")]
    public async Task Bad_template_list_parameters_are_refused(string query, string description)
    {
        using var api = new EmulatorApi(Emu);
        Assert.Equal(description, EmulatorApi.AssertError(await api.GetAsync($"api2/v1/projectTemplates?{query}"), HttpStatusCode.BadRequest, "InvalidArguments"));
    }

    [Fact]
    public async Task Get_project_template_answers_the_full_dto_and_404_for_unknown()
    {
        using var api = new EmulatorApi(Emu);
        var t = await api.GetOkAsync($"api2/v1/projectTemplates/{SeedIds.TemplateWebsite}");
        Assert.Equal("Website standard", (string)t["templateName"]!);
        Assert.Equal("Website {date}", (string)t["name"]!);
        Assert.True((bool)t["useDynamicTitle"]!);
        Assert.Equal(["de", "fr", "es"], t["targetLangs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["Translation"], t["workflowSteps"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal("T", (string)t["workflowSteps"]![0]!["abbr"]!);
        Assert.Equal(["de", "fr", "es"], t["assignedTo"]!.AsArray().Select(a => (string)a!["targetLang"]!));
        Assert.Equal("USER", (string)t["assignedTo"]![0]!["providers"]![0]!["type"]!);
        Assert.Equal(2, (await api.GetOkAsync($"api2/v1/projectTemplates/{SeedIds.TemplateLegal}"))["workflowSettings"]!.AsArray().Count);
        EmulatorApi.AssertError(await api.GetAsync("api2/v1/projectTemplates/noSuchTemplate"), HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Connectors_list_with_type_filter_and_get_by_id()
    {
        using var api = new EmulatorApi(Emu);
        var list = await api.GetOkAsync("api2/v1/connectors");
        Assert.Equal(6, (int)list["totalCount"]!);
        Assert.Equal(6, list["connectors"]!.AsArray().Count);
        Assert.Equal(5, list["connectors"]!.AsArray().Select(c => (string)c!["type"]!).Distinct().Count());
        var github = await api.GetOkAsync("api2/v1/connectors?type=GITHUB");
        Assert.Equal(2, (int)github["totalCount"]!);
        Assert.Equal([SeedIds.ConnectorGitHub, SeedIds.ConnectorGitHubDocs], github["connectors"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(2, (int)(await api.GetOkAsync("api2/v1/connectors?type=github"))["totalCount"]!);
        Assert.Equal(0, (int)(await api.GetOkAsync("api2/v1/connectors?type=NO_SUCH_TYPE"))["totalCount"]!);

        var c = await api.GetOkAsync($"api2/v1/connectors/{SeedIds.ConnectorSharePoint}");
        Assert.Equal("Legal SharePoint", (string)c["name"]!);
        Assert.Equal("SHAREPOINT", (string)c["type"]!);
        Assert.Equal("Demo Organization", (string)c["organization"]!["name"]!);
        Assert.Null(c["localToken"]);
        Assert.True(c.ContainsKey("localToken"));
        Assert.Equal("Contracts", (string)c["automatedProjectSettings"]![0]!["name"]!);
        Assert.Equal(SeedIds.ConnectorSharePoint, (string)c["automatedProjectSettings"]![0]!["connector"]!["id"]!);
        EmulatorApi.AssertError(await api.GetAsync("api2/v1/connectors/noSuchConnector"), HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
