using PhraseTms.Generator.Import;
using PhraseTms.Generator.Model;
using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Tests;

// The naming rules on a small API, without the override table.
public class RuleTests
{
    private static CommandMap MapOf(params string[] keys)
    {
        var api = new ApiDescription();
        foreach (var key in keys)
        {
            var (method, path) = (key[..key.IndexOf(' ')], key[(key.IndexOf(' ') + 1)..]);
            var version = int.Parse(path.Split('/')[2][1..]);
            api.Operations.Add(new Operation { Key = key, Method = method, Path = path, ApiVersion = version, Tag = "T", Summary = key });
        }
        return new CmdletNamer(api, new NamingOverrides()).Map();
    }

    private static string Name(CommandMap map, string key) =>
        map.Operations.Single(o => o.Key == key) is var o ? $"{o.Cmdlet} [{o.ParameterSet}]" : "";

    [Fact]
    public void Methods_give_the_verbs()
    {
        var map = MapOf("GET /api2/v1/widgets", "POST /api2/v1/widgets", "GET /api2/v1/widgets/{widgetUid}",
            "PUT /api2/v1/widgets/{widgetUid}", "PATCH /api2/v1/widgets/{widgetUid}", "DELETE /api2/v1/widgets/{widgetUid}");
        Assert.Equal("Get-PhraseTmsWidget [List]", Name(map, "GET /api2/v1/widgets"));
        Assert.Equal("Get-PhraseTmsWidget [ById]", Name(map, "GET /api2/v1/widgets/{widgetUid}"));
        Assert.Equal("New-PhraseTmsWidget [Default]", Name(map, "POST /api2/v1/widgets"));
        Assert.Equal("Set-PhraseTmsWidget [ById]", Name(map, "PUT /api2/v1/widgets/{widgetUid}"));
        Assert.Equal("Update-PhraseTmsWidget [ById]", Name(map, "PATCH /api2/v1/widgets/{widgetUid}"));
        Assert.Equal("Remove-PhraseTmsWidget [ById]", Name(map, "DELETE /api2/v1/widgets/{widgetUid}"));
    }

    [Fact]
    public void Actions_map_to_approved_verbs_or_Invoke_with_the_action_in_the_noun()
    {
        var map = MapOf("POST /api2/v1/widgets/{widgetUid}/clone", "POST /api2/v1/widgets/{widgetUid}/setStatus",
            "POST /api2/v1/widgets/search", "POST /api2/v1/widgets/{widgetUid}/pseudoTranslate", "POST /api2/v1/widgets/{widgetUid}/export",
            "GET /api2/v1/widgets/{widgetUid}");
        Assert.Equal("Copy-PhraseTmsWidget [Default]", Name(map, "POST /api2/v1/widgets/{widgetUid}/clone"));
        Assert.Equal("Set-PhraseTmsWidgetStatus [Default]", Name(map, "POST /api2/v1/widgets/{widgetUid}/setStatus"));
        Assert.Equal("Search-PhraseTmsWidget [Default]", Name(map, "POST /api2/v1/widgets/search"));
        Assert.Equal("Invoke-PhraseTmsPseudoTranslateWidget [Default]", Name(map, "POST /api2/v1/widgets/{widgetUid}/pseudoTranslate"));
        Assert.Equal("Export-PhraseTmsWidget [Default]", Name(map, "POST /api2/v1/widgets/{widgetUid}/export"));
    }

    [Fact]
    public void A_noun_is_bare_at_its_home_and_qualified_elsewhere()
    {
        var map = MapOf("GET /api2/v1/projects/{projectUid}/jobs", "GET /api2/v1/projects/{projectUid}/jobs/{jobUid}",
            "PUT /api2/v1/projects/{projectUid}/jobs/{jobUid}", "GET /api2/v1/jobs/{jobUid}/notes", "GET /api2/v1/users/{userUid}/jobs",
            "GET /api2/v1/projects/{projectUid}/accessSettings", "GET /api2/v1/templates/{templateUid}/accessSettings",
            "GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/segments");
        Assert.Equal("Get-PhraseTmsJob [List]", Name(map, "GET /api2/v1/projects/{projectUid}/jobs"));
        Assert.Equal("Get-PhraseTmsUserJob [Default]", Name(map, "GET /api2/v1/users/{userUid}/jobs"));
        Assert.Equal("Get-PhraseTmsProjectAccessSettings [Default]", Name(map, "GET /api2/v1/projects/{projectUid}/accessSettings"));
        Assert.Equal("Get-PhraseTmsTemplateAccessSettings [Default]", Name(map, "GET /api2/v1/templates/{templateUid}/accessSettings"));
        Assert.Equal("Get-PhraseTmsJobSegment [Default]", Name(map, "GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/segments"));
    }

    [Fact]
    public void Batch_and_by_variants_are_parameter_sets_and_POST_away_from_home_is_Add()
    {
        var map = MapOf("PUT /api2/v1/widgets/batch", "PUT /api2/v1/widgets/{widgetUid}", "POST /api2/v1/widgets/byColors",
            "POST /api2/v1/widgets", "POST /api2/v1/widgets/{widgetUid}/targetLangs", "DELETE /api2/v1/widgets",
            "DELETE /api2/v1/widgets/{widgetUid}", "POST /api2/v1/widgets/copy", "POST /api2/v1/widgets/{widgetUid}/copy");
        Assert.Equal("Remove-PhraseTmsWidget [Batch]", Name(map, "DELETE /api2/v1/widgets"));
        Assert.Equal("Copy-PhraseTmsWidget [ById]", Name(map, "POST /api2/v1/widgets/{widgetUid}/copy"));
        Assert.Equal("Copy-PhraseTmsWidget [Batch]", Name(map, "POST /api2/v1/widgets/copy"));
        Assert.Equal("Set-PhraseTmsWidget [Batch]", Name(map, "PUT /api2/v1/widgets/batch"));
        Assert.Equal("New-PhraseTmsWidget [ByColor]", Name(map, "POST /api2/v1/widgets/byColors"));
        Assert.Equal("Add-PhraseTmsWidgetTargetLang [Default]", Name(map, "POST /api2/v1/widgets/{widgetUid}/targetLangs"));
    }

    [Fact]
    public void The_newest_version_wins()
    {
        var map = MapOf("POST /api2/v1/widgets/{widgetUid}/upload", "POST /api2/v2/widgets/{id}/upload");
        Assert.Equal("POST /api2/v2/widgets/{id}/upload", map.Operations.Single(o => o.Key.Contains("v1")).SupersededBy);
        Assert.Equal("Import-PhraseTmsWidget [Default]", Name(map, "POST /api2/v2/widgets/{id}/upload"));
    }

    [Fact]
    public void Broken_conventions_are_reported()
    {
        var clash = new CommandMap
        {
            Cmdlets = [new CmdletEntry { Name = "Get-Process", Verb = "Get", Noun = "Process",
                ParameterSets = [new() { Name = "Default", Operation = "GET /x" }, new() { Name = "Default", Operation = "GET /y" }] },
                new CmdletEntry { Name = "Fetch-PhraseTmsThing", Verb = "Fetch", Noun = "PhraseTmsThing" }],
            Operations = [new OperationEntry { Key = "GET /x" }, new OperationEntry { Key = "GET /y", Cmdlet = "Get-Process" }],
        };
        var problems = CmdletNamer.Problems(clash);
        Assert.Contains(problems, p => p.Contains("shadows a PowerShell command"));
        Assert.Contains(problems, p => p.Contains("not an approved verb"));
        Assert.Contains(problems, p => p.Contains("lacks the PhraseTms prefix"));
        Assert.Contains(problems, p => p.Contains("parameter set Default twice"));
        Assert.Contains(problems, p => p.Contains("GET /x: no cmdlet"));

        var taken = new CommandMap { Cmdlets = [new CmdletEntry { Name = "Get-PhraseTmsSession", Verb = "Get", Noun = "PhraseTmsSession" }] };
        Assert.Contains(CmdletNamer.Problems(taken), p => p.Contains("the name of a hand-written cmdlet"));
    }
}
