using System.Xml.Linq;
using PhraseTms.HelpGen;

namespace PhraseTms.Tests.Help;

/// <summary>The generator on fake cmdlets and pages in a temporary folder: the MAML it writes, and what it refuses.</summary>
public sealed class HelpProblemTests : IDisposable
{
    private static readonly XNamespace Command = MamlWriter.Command, Maml = MamlWriter.Maml, Dev = MamlWriter.Dev;
    private static readonly Type[] Fakes = [typeof(GetHelpFakeCommand), typeof(ClearHelpFakeCommand)];
    private readonly string _docs = Directory.CreateTempSubdirectory("phrasetms-help-").FullName;

    private const string ClearPage = """
        # Clear-HelpFake

        ## Synopsis
        Clears.

        ## Description
        Clears everything.

        ## Examples

        ### Example 1: Clear
        ```powershell
        Clear-HelpFake
        ```

        ### Example 2: Clear verbosely
        ```powershell
        Clear-HelpFake -Verbose
        ```
        """;

    private static string GetPage(string parameters = """
        ### -Name
        The name.

        ### -Id
        The id.

        ### -Kind
        The kinds.

        ### -Force
        Forces.

        ### -Count
        How many.
        """, string examples = """
        ### Example 1: By id
        ```powershell
        Get-HelpFake -Id 3
        ```
        Gets number 3.

        ### Example 2: By name from the pipeline
        ```powershell
        'a', 'b' | Get-HelpFake -WhatIf
        ```
        """) => $"""
        # Get-HelpFake

        ## Synopsis
        Gets **fakes** from `somewhere`.

        ## Description
        First paragraph
        on two lines.

        - item one
        - item two

        ## Parameters

        {parameters}

        ## Examples

        {examples}

        ## Outputs
        ### ConnectorAsyncTask
        The tasks.

        ## Related links
        - [Phrase](https://developers.phrase.com/)
        - Clear-HelpFake
        """;

    private HelpResult Generate(string getPage, string? clearPage = ClearPage, XmlDocComments? xml = null)
    {
        File.WriteAllText(Path.Combine(_docs, "Get-HelpFake.md"), getPage);
        if (clearPage is not null) File.WriteAllText(Path.Combine(_docs, "Clear-HelpFake.md"), clearPage);
        return HelpGenerator.Generate(Fakes, _docs, xml ?? XmlDocComments.Empty);
    }

    private static XElement CommandOf(HelpResult result, string name) =>
        XDocument.Parse(result.Maml).Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name);

    private static XElement Named(IEnumerable<XElement> parameters, string name) => parameters.Single(p => p.Element(Maml + "name")!.Value == name);

    [Fact]
    public void Complete_pages_give_maml_with_every_parameter_set_and_parameter_detail()
    {
        var result = Generate(GetPage());
        Assert.Empty(result.Problems);
        var get = CommandOf(result, "Get-HelpFake");

        Assert.Equal("Gets fakes from somewhere.", get.Element(Command + "details")!.Element(Maml + "description")!.Value);
        Assert.Equal(["First paragraph on two lines.", "- item one\n- item two"],
            get.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));

        // Sets: the default (ById) first; each holds its own parameters plus the shared ones and PowerShell's.
        var syntax = get.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, syntax.Count);
        string[] shared = ["Kind", "Force", "Count", "IncludeTotalCount", "Skip", "First", "WhatIf", "Confirm"];
        Assert.Equal(["Id", .. shared], syntax[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
        Assert.Equal(["Name", .. shared], syntax[1].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

        var name = Named(syntax[1].Elements(Command + "parameter"), "Name");
        Assert.Equal("true", name.Attribute("required")!.Value);
        Assert.Equal("0", name.Attribute("position")!.Value);
        Assert.Equal("True (ByValue)", name.Attribute("pipelineInput")!.Value);
        Assert.Equal("N, FakeName", name.Attribute("aliases")!.Value);
        Assert.Equal("String", name.Element(Command + "parameterValue")!.Value);

        var id = Named(syntax[0].Elements(Command + "parameter"), "Id");
        Assert.Equal("True (ByPropertyName)", id.Attribute("pipelineInput")!.Value);
        Assert.Equal("named", id.Attribute("position")!.Value);
        Assert.Equal("System.Int64", id.Element(Dev + "type")!.Element(Maml + "name")!.Value);

        var kind = Named(syntax[0].Elements(Command + "parameter"), "Kind");
        Assert.Equal(Enum.GetNames<PhraseTms.Client.Connectors.ConnectorTaskType>(),
            kind.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
        Assert.Equal("true", kind.Attribute("variableLength")!.Value);

        var force = Named(syntax[0].Elements(Command + "parameter"), "Force");
        Assert.Null(force.Element(Command + "parameterValue"));   // a switch shows no value in the syntax

        var parameters = get.Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        Assert.Equal("7", Named(parameters, "Count").Element(Dev + "defaultValue")!.Value);
        Assert.Equal("False", Named(parameters, "Force").Element(Dev + "defaultValue")!.Value);
        Assert.Equal("SwitchParameter", Named(parameters, "Force").Element(Command + "parameterValue")!.Value);
        Assert.Equal("wi", Named(parameters, "WhatIf").Attribute("aliases")!.Value);
        Assert.Contains("Shows what would happen", Named(parameters, "WhatIf").Element(Maml + "description")!.Value);
        Assert.All(parameters, p => Assert.Contains(p.Element(Maml + "description")!.Elements(Maml + "para"), x => x.Value.Length > 0));

        var examples = get.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal("-------------------------- Example 1: By id --------------------------", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Get-HelpFake -Id 3", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Gets number 3.", examples[0].Element(Dev + "remarks")!.Value);
        Assert.Equal("'a', 'b' | Get-HelpFake -WhatIf", examples[1].Element(Dev + "code")!.Value);

        Assert.Equal(["System.String", "System.Int64"],
            get.Element(Command + "inputTypes")!.Elements().Select(t => t.Element(Dev + "type")!.Element(Maml + "name")!.Value));
        var output = get.Element(Command + "returnValues")!.Element(Command + "returnValue")!;
        Assert.Equal("PhraseTms.Client.Connectors.ConnectorAsyncTask", output.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(["PowerShell type name: PhraseTms.ConnectorAsyncTask.", "The tasks."],
            output.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));
        Assert.Equal(["https://developers.phrase.com/", ""],
            get.Element(Command + "relatedLinks")!.Elements().Select(l => l.Element(Maml + "uri")!.Value));

        var clear = CommandOf(result, "Clear-HelpFake");
        Assert.Single(clear.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
        Assert.Empty(clear.Element(Command + "parameters")!.Elements());
        Assert.Equal("None", clear.Element(Command + "inputTypes")!.Element(Command + "inputType")!.Element(Dev + "type")!.Value);
    }

    [Fact]
    public void A_parameter_without_text_is_a_problem_unless_its_xml_doc_has_a_summary()
    {
        var page = GetPage(parameters: "### -Name\nThe name.\n\n### -Id\nThe id.\n\n### -Kind\nKinds.\n\n### -Force\nForces.");
        var problem = Assert.Single(Generate(page).Problems);
        Assert.Contains("Get-HelpFake -Count has no description", problem.Message);
        Assert.EndsWith("Get-HelpFake.md", problem.File);
        Assert.Contains("error PTHELP:", problem.ToString());

        var xml = XmlDocComments.Parse($"""
            <doc><members><member name="P:{typeof(GetHelpFakeCommand).FullName}.Count">
              <summary>How many, at most <see cref="T:System.Int32"/>.MaxValue.</summary>
            </member></members></doc>
            """);
        var result = Generate(page, xml: xml);
        Assert.Empty(result.Problems);
        Assert.Equal(["How many, at most Int32.MaxValue."], result.Commands.Single(c => c.Name == "Get-HelpFake").Parameter("Count").Description);
    }

    [Fact]
    public void A_missing_page_fails_and_no_help_is_made_for_that_cmdlet()
    {
        var result = Generate(GetPage(), clearPage: null);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("Clear-HelpFake has no help page", problem.Message);
        Assert.EndsWith("Clear-HelpFake.md", problem.File);
        Assert.DoesNotContain(result.Commands, c => c.Name == "Clear-HelpFake");
    }

    [Fact]
    public void Stale_or_incomplete_pages_are_problems()
    {
        var page = GetPage(
            parameters: "### -Name\nN.\n\n### -Id\nI.\n\n### -Kind\nK.\n\n### -Force\nF.\n\n### -Count\nC.\n\n### -Removed\nGone.",
            examples: "### Example 1: Only one\n```powershell\nGet-HelpFake\n```\n\n### Example 2: No code\nJust words.")
            .Replace("# Get-HelpFake", "# Get-HelpFakes")
            .Replace("## Outputs\n### ConnectorAsyncTask", "## Outputs\n### System.String")
            .Replace("## Related links", "## Remarks\nx\n\n## Related links");
        File.WriteAllText(Path.Combine(_docs, "Get-Gone.md"), ClearPage.Replace("Clear-HelpFake", "Get-Gone"));

        var messages = Generate(page).Problems.Select(p => p.Message).ToList();

        Assert.True(messages.Count == 7, string.Join("\n", messages));
        Assert.Contains(messages, m => m.Contains("title (# heading) must be 'Get-HelpFake'"));
        Assert.Contains(messages, m => m.Contains("has no parameter -Removed"));
        Assert.Contains(messages, m => m.Contains("has 1 example(s) with code; at least 2"));
        Assert.Contains(messages, m => m.Contains("example 'Example 2: No code' has no code fence"));
        Assert.Contains(messages, m => m.Contains("describes 'System.String'"));
        Assert.Contains(messages, m => m.Contains("unknown section") && m.Contains("Remarks"));
        Assert.Contains(messages, m => m.Contains("Get-Gone.md documents a cmdlet the module does not have"));
        Assert.Equal(7, messages.Count);
    }

    [Fact]
    public void Empty_synopsis_and_description_are_problems()
    {
        var page = GetPage().Replace("Gets **fakes** from `somewhere`.", "").Replace("First paragraph\non two lines.\n\n- item one\n- item two", "");
        var messages = Generate(page).Problems.Select(p => p.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("'## Synopsis' is missing or empty"));
        Assert.Contains(messages, m => m.Contains("'## Description' is missing or empty"));
    }

    [Fact]
    public void A_default_set_named_by_no_parameter_is_shown_first_with_the_shared_parameters()
    {
        var connect = CmdletReflector.Read(typeof(PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand));
        Assert.Equal(["Environment", "Credential", "Token", "PlatformToken"], connect.ParameterSets);
        var environment = connect.InSet("Environment").Select(x => x.Parameter.Name).ToList();
        Assert.Equal(["DataCenter", "BaseUri", "MaxRetries", "MaxRetryWaitSec", "RequestTimeoutSec", "PrefetchPages", "PassThru"], environment);
        Assert.Equal("Credential", connect.InSet("Credential")[0].Parameter.Name);
    }

    public void Dispose() => Directory.Delete(_docs, recursive: true);
}
