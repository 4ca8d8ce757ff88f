using PhraseTms.Generator.Model;
using PhraseTms.Generator.Naming;
using Xunit.Abstractions;

namespace PhraseTms.Generator.Tests;

// The cmdlet names of every operation of the committed description, as the rules and the override table make them.
public class NamingTests(ITestOutputHelper output) : IClassFixture<SummaryLines>
{
    private static readonly CommandMap Map = CommandMapBuilder.FromRepository(TestPaths.Root);
    private static OperationEntry Op(string key) => Map.Operations.Single(o => o.Key == key);
    private static CmdletEntry Cmdlet(string name) => Map.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void Every_operation_is_mapped_and_nothing_breaks_a_convention()
    {
        var line = CmdletNamer.SummaryLine(Map);
        output.WriteLine(line);
        Assert.Equal(CommittedDescriptionTests.Committed.Operations.Count, Map.Operations.Count);
        Assert.Equal(0, Map.Counts.Unmapped);
        Assert.Empty(CmdletNamer.Problems(Map));
        Assert.All(Map.Operations, o => Assert.True(o.Cmdlet is not null || o.SupersededBy is not null, o.Key));
    }

    [Fact]
    public void Verbs_are_approved_nouns_prefixed_and_no_name_shadows_PowerShell()
    {
        Assert.All(Map.Cmdlets, c => Assert.Contains(c.Verb, ApprovedVerbs.All));
        Assert.All(Map.Cmdlets.Where(c => !c.HandWritten), c => Assert.StartsWith("PhraseTms", c.Noun));
        Assert.All(Map.Cmdlets.Where(c => !c.HandWritten), c => Assert.NotEqual("PhraseTms", c.Noun));
        Assert.All(Map.Cmdlets, c => Assert.DoesNotContain(c.Name, BuiltinCommands.All));
        Assert.Equal(Map.Cmdlets.Count, Map.Cmdlets.Select(c => c.Name.ToLowerInvariant()).Distinct().Count());
        Assert.True(BuiltinCommands.All.Count > 250, "the built-in command list is loaded");
        Assert.Equal(100, ApprovedVerbs.All.Count);
    }

    [Fact]
    public void Nouns_end_in_a_singular_word()
    {
        Assert.All(Map.Cmdlets, c => Assert.Equal(Singularizer.LastWord(c.Noun), c.Noun));
        Assert.Contains(Map.Cmdlets, c => c.Noun == "PhraseTmsAnalysis");
        Assert.DoesNotContain(Map.Cmdlets, c => c.Noun.EndsWith("Analyse", StringComparison.Ordinal));
    }

    [Fact]
    public void No_two_operations_share_a_cmdlet_and_parameter_set()
    {
        var pairs = Map.Operations.Where(o => o.Cmdlet is not null).Select(o => (o.Cmdlet, o.ParameterSet)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Theory]
    [InlineData("GET /api2/v1/projects", "Get-PhraseTmsProject", "List")]
    [InlineData("GET /api2/v1/projects/{projectUid}", "Get-PhraseTmsProject", "ById")]
    [InlineData("GET /api2/v2/projects/{projectUid}/jobs", "Get-PhraseTmsJob", "List")]
    [InlineData("GET /api2/v1/projects/{projectUid}/jobs/{jobUid}", "Get-PhraseTmsJob", "ById")]
    [InlineData("POST /api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus", "Set-PhraseTmsJobStatus", "Default")]
    [InlineData("GET /api2/v1/transMemories", "Get-PhraseTmsTransMemory", "List")]
    [InlineData("GET /api2/v1/transMemories/{transMemoryUid}", "Get-PhraseTmsTransMemory", "ById")]
    [InlineData("GET /api2/v1/termBases", "Get-PhraseTmsTermBase", "List")]
    [InlineData("GET /api2/v1/users", "Get-PhraseTmsUser", "List")]
    [InlineData("GET /api2/v3/users/{userUid}", "Get-PhraseTmsUser", "ById")]
    [InlineData("GET /api2/v1/projectTemplates", "Get-PhraseTmsProjectTemplate", "List")]
    [InlineData("POST /api2/v3/projects", "New-PhraseTmsProject", "Default")]
    [InlineData("DELETE /api2/v1/projects/{projectUid}", "Remove-PhraseTmsProject", "ById")]
    [InlineData("GET /api2/v1/connectors", "Get-PhraseTmsConnector", "List")]
    [InlineData("GET /api2/v1/connectors/{connectorId}", "Get-PhraseTmsConnector", "ById")]
    public void The_names_the_issue_fixes_come_out_of_the_rules(string key, string cmdlet, string set)
    {
        var op = Op(key);
        Assert.Equal((cmdlet, set, OperationStatus.Generate), (op.Cmdlet, op.ParameterSet, op.Status));
    }

    [Theory]
    [InlineData("GET /api2/v1/connectorAsyncTasks", "Get-ConnectorAsyncTask")]
    [InlineData("POST /api2/v1/projects/{projectUid}/jobs/connectorTask", "New-JobFromConnectorTask")]
    [InlineData("GET /api2/v1/transMemories/{transMemoryUid}/lastBackgroundTask", "Get-TmLastBackgroundTask")]
    [InlineData("GET /api2/v1/termBases/{termBaseUid}/lastBackgroundTask", "Get-TbLastBackgroundTask")]
    [InlineData("GET /api2/v1/async/{asyncRequestId}", "Get-PhraseTmsAsyncRequest")]
    [InlineData("POST /api2/v1/auth/login", "Connect-PhraseTms")]
    [InlineData("POST /api2/v3/auth/login", "Connect-PhraseTms")]
    [InlineData("GET /api2/v1/auth/whoAmI", "Get-PhraseTmsSession")]
    [InlineData("POST /api2/v1/auth/logout", "Disconnect-PhraseTms")]
    public void The_existing_cmdlets_keep_their_names_and_are_marked_hand_written(string key, string cmdlet)
    {
        var op = Op(key);
        Assert.Equal((cmdlet, OperationStatus.HandWritten), (op.Cmdlet, op.Status));
        Assert.True(Cmdlet(cmdlet).HandWritten);
        Assert.Null(op.Parameters); // the generator has nothing to do for it
    }

    [Fact]
    public void The_hand_written_names_are_the_modules_and_none_is_generated()
    {
        var handWritten = Map.Cmdlets.Where(c => c.HandWritten).Select(c => c.Name).Order().ToList();
        Assert.Equal(new[] { "Connect-PhraseTms", "Disconnect-PhraseTms", "Get-ConnectorAsyncTask", "Get-PhraseTmsAsyncRequest",
            "Get-PhraseTmsSession", "Get-TbLastBackgroundTask", "Get-TmLastBackgroundTask", "New-JobFromConnectorTask",
            "Save-PhraseTmsJobTargetFile" }, handWritten);
        var generatedNames = Map.Cmdlets.Where(c => !c.HandWritten).Select(c => c.Name).ToHashSet();
        foreach (var name in HandWrittenCmdlets.Names) Assert.DoesNotContain(name, generatedNames);
        Assert.Equal(11, HandWrittenCmdlets.Names.Count); // the module's eleven cmdlets
        Assert.Equal(HandWrittenCmdlets.Names.Order(), handWritten.Concat(HandWrittenCmdlets.WithoutOperation.Select(w => w.Name)).Order());
    }

    [Fact]
    public void The_newest_version_is_the_cmdlet_and_older_ones_say_by_what_they_are_superseded()
    {
        var v1 = Op("POST /api2/v1/termBases/{termBaseUid}/upload");
        Assert.Equal((OperationStatus.Superseded, "POST /api2/v2/termBases/{termBaseUid}/upload"), (v1.Status, v1.SupersededBy));
        Assert.Null(v1.Cmdlet);
        Assert.Equal("Import-PhraseTmsTermBase", Op("POST /api2/v2/termBases/{termBaseUid}/upload").Cmdlet);
        Assert.Equal("POST /api2/v3/auth/loginOther", Op("POST /api2/v1/auth/loginOther").SupersededBy);
        // an older version that stays says why
        var kept = Op("GET /api2/v1/connectors/{connectorId}/folders/{folder}/files/{file}");
        Assert.Equal(OperationStatus.Generate, kept.Status);
        Assert.False(string.IsNullOrWhiteSpace(kept.Reason));
    }

    [Fact]
    public void Get_merges_list_and_by_id_and_the_by_id_set_binds_the_id_by_property_name()
    {
        var get = Cmdlet("Get-PhraseTmsProject");
        Assert.Equal(new[] { ("ById", "GET /api2/v1/projects/{projectUid}"), ("List", "GET /api2/v1/projects") },
            get.ParameterSets.Select(s => (s.Name, s.Operation)));
        var id = Op("GET /api2/v1/projects/{projectUid}").Parameters!.Single(p => p.In == "path");
        Assert.Equal("ProjectUid", id.Name);
        Assert.Contains("Uid", id.Aliases!);
        Assert.Equal(new[] { "ById", "List" }, Cmdlet("Get-PhraseTmsJob").ParameterSets.Select(s => s.Name));
    }

    [Fact]
    public void Parameters_are_PascalCase_singular_with_the_API_name_as_alias()
    {
        var list = Op("GET /api2/v1/projects").Parameters!;
        var status = list.Single(p => p.ApiName == "statuses");
        Assert.Equal("Status", status.Name);
        Assert.Equal(new[] { "statuses" }, status.Aliases);
        Assert.Equal("TargetLang", list.Single(p => p.ApiName == "targetLangs").Name);
        var name = list.Single(p => p.ApiName == "name");
        Assert.Equal("Name", name.Name);
        Assert.Null(name.Aliases); // differs only in case: no alias
        Assert.Equal("DueInHours", list.Single(p => p.ApiName == "dueInHours").Name); // not an array: left alone

        var setStatus = Op("POST /api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus").Parameters!;
        var requested = setStatus.Single(p => p.ApiName == "requestedStatus");
        Assert.Equal(("Status", "body"), (requested.Name, requested.In));
        Assert.Contains("requestedStatus", requested.Aliases!);

        Assert.Contains(Op("GET /api2/v1/users").Parameters!, p => p.Name == "Role");
        Assert.All(Map.Operations.SelectMany(o => o.Parameters ?? []), p => Assert.True(char.IsUpper(p.Name[0]), p.Name));
    }

    [Fact]
    public void Every_override_has_a_reason_and_names_an_operation_that_exists()
    {
        var overrides = NamingOverrides.Load(RepoPaths.NamingOverrides(TestPaths.Root));
        var keys = CommittedDescriptionTests.Committed.Operations.Select(o => o.Key).ToHashSet();
        Assert.All(overrides.Operations, kv =>
        {
            Assert.Contains(kv.Key, keys);
            Assert.False(string.IsNullOrWhiteSpace(kv.Value.Reason), kv.Key);
        });
        // short on purpose: a growing table says a rule is missing
        Assert.InRange(overrides.Operations.Count, 1, 40);
        Assert.InRange(overrides.SegmentNouns.Count + overrides.ParameterNames.Count, 1, 15);
    }
}

// The hand-written list is the module's: every name in it is declared by a [Cmdlet] in src/PhraseTms (read as text;
// the generator does not reference the module).
public class HandWrittenCmdletsTests
{
    [Fact]
    public void Every_hand_written_name_is_a_cmdlet_of_the_module()
    {
        var pattern = new System.Text.RegularExpressions.Regex(@"\[Cmdlet\(Verbs\w+\.(\w+),\s*""(\w+)""");
        var declared = Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "src", "PhraseTms"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => $"{m.Groups[1].Value}-{m.Groups[2].Value}"))
            .ToHashSet();
        Assert.All(Naming.HandWrittenCmdlets.Names, name => Assert.Contains(name, declared));
    }
}
