using PhraseTms.Generator.Docs;
using PhraseTms.Generator.Model;
using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Tests;

// docs/commands.md and api/command-map.json are generated: regenerated in memory, they must equal the committed ones.
public class DocsTests
{
    private const string Stale = "is stale: run `dotnet run --project tools/PhraseTms.Generator -- generate-docs` and commit the result";
    private static readonly CommandMap Map = CommandMapBuilder.FromRepository(TestPaths.Root);

    [Fact]
    public void Commands_md_is_up_to_date()
    {
        var committed = File.ReadAllText(RepoPaths.CommandsDoc(TestPaths.Root));
        Assert.True(committed == CommandsDocWriter.Write(Map), "docs/commands.md " + Stale);
    }

    [Fact]
    public void Command_map_json_is_up_to_date()
    {
        var committed = File.ReadAllText(RepoPaths.CommandMap(TestPaths.Root));
        Assert.True(committed == ApiJson.Serialize(Map), "api/command-map.json " + Stale);
    }

    [Fact]
    public void Commands_md_has_one_line_per_operation_grouped_by_tag_and_says_it_is_generated()
    {
        var md = CommandsDocWriter.Write(Map);
        Assert.Contains("Generated", md.Split('\n')[2]);
        Assert.Contains("generate-docs", md[..600]);
        var rows = md.Split('\n').Where(l => l.StartsWith("| GET ") || l.StartsWith("| POST ") || l.StartsWith("| PUT ")
            || l.StartsWith("| PATCH ") || l.StartsWith("| DELETE ")).ToList();
        Assert.Equal(Map.Operations.Count, rows.Count);
        // Every operation of status generate names its cmdlet, file transfers included: nothing is planned.
        Assert.Contains("| GET | `/api2/v1/projects` | `Get-PhraseTmsProject` | List |", md);
        Assert.Contains("| POST | `/api2/v1/projects/{projectUid}/jobs` | `New-PhraseTmsJob` | Default |", md);
        Assert.Contains("`-Path`/`-InputStream` for uploads, `-OutFile` for downloads", md);
        var planned = PhraseTms.Generator.Cmdlets.CmdletPlanner.FromRepository(TestPaths.Root).Planned;
        Assert.Empty(planned);
        Assert.DoesNotContain("*(planned", md);
        Assert.Contains("| POST | `/api2/v1/auth/login` | `Connect-PhraseTms` (hand-written) | Credential |", md);
        Assert.Contains("superseded by `POST /api2/v2/termBases/{termBaseUid}/upload`", md);
        Assert.Equal(Map.Operations.Select(o => o.Tag).Distinct().Count(), md.Split('\n').Count(l => l.StartsWith("## ")));
    }
}
