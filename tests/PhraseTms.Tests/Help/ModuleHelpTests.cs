using System.Management.Automation;
using System.Xml.Linq;
using PhraseTms.HelpGen;
using PhraseTms.Tests.Support;
using static PhraseTms.Tests.Support.CmdletSurface;

namespace PhraseTms.Tests.Help;

/// <summary>
/// The module's help as Get-Help reads it (out/PhraseTms/en-US/PhraseTms.dll-Help.xml, written by the build), checked
/// against the cmdlets' own attributes: every cmdlet, every parameter with a description, every parameter set, and at
/// least two examples with code.
/// </summary>
public sealed class ModuleHelpTests
{
    private static readonly XNamespace Command = MamlWriter.Command, Maml = MamlWriter.Maml, Dev = MamlWriter.Dev;
    private static readonly string HelpDirectory = Path.Combine(Repo.ModuleOut, "en-US");
    private static readonly XDocument Shipped = XDocument.Load(Path.Combine(HelpDirectory, HelpGenerator.MamlFileName));

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in CmdletSurface.Cmdlets) data.Add(c.Name);
        return data;
    }

    private static XElement CommandOf(string name) =>
        Shipped.Root!.Elements(Command + "command").SingleOrDefault(c => c.Element(Command + "details")?.Element(Command + "name")?.Value == name)
        ?? throw new Xunit.Sdk.XunitException($"{name} is not in {HelpGenerator.MamlFileName}");

    private static IEnumerable<string> Paras(XElement? description) =>
        description?.Elements(Maml + "para").Select(p => p.Value.Trim()).Where(p => p.Length > 0) ?? [];

    private static string NameOf(XElement parameter) => parameter.Element(Maml + "name")!.Value;

    /// <summary>The parameters PowerShell shows for a cmdlet: its [Parameter] properties plus those it adds.</summary>
    private static List<string> ExpectedParameters(CmdletSurface.CmdletInfo cmdlet)
    {
        var names = Parameters(cmdlet.Type).Select(p => p.Name).ToList();
        if (cmdlet.Named("SupportsPaging") is true) names.AddRange(["IncludeTotalCount", "Skip", "First"]);
        if (cmdlet.Named("SupportsShouldProcess") is true) names.AddRange(["WhatIf", "Confirm"]);
        return names;
    }

    [Fact]
    public void The_docs_are_complete_and_the_shipped_help_is_what_they_generate_now()
    {
        var module = CmdletSurface.Module;
        var result = HelpGenerator.Generate(CmdletReflector.CmdletTypes(module), Path.Combine(Repo.Root, "docs"),
            XmlDocComments.Load(XmlDocComments.BesideAssembly(module)), Path.Combine(Repo.Root, "src", "PhraseTms", "obj", "GeneratedDocs"));

        Assert.Empty(result.Problems.Select(p => p.ToString()));
        // Without the generated pages, every generated cmdlet is a problem: the rule "no help, no build" holds for them too.
        var handOnly = HelpGenerator.Generate(CmdletReflector.CmdletTypes(module), Path.Combine(Repo.Root, "docs"),
            XmlDocComments.Load(XmlDocComments.BesideAssembly(module)));
        Assert.Equal(CmdletSurface.Cmdlets.Count(c => c.IsGenerated && !File.Exists(Path.Combine(Repo.Root, "docs", c.Name + ".md"))),
            handOnly.Problems.Count(p => p.ToString().Contains("has no help page", StringComparison.Ordinal)));
        Assert.Equal(result.Maml, File.ReadAllText(Path.Combine(HelpDirectory, HelpGenerator.MamlFileName)));
        Assert.Equal(result.AboutTopics["about_PhraseTms.help.txt"], File.ReadAllText(Path.Combine(HelpDirectory, "about_PhraseTms.help.txt")));
    }

    [Fact]
    public void The_maml_has_the_shape_get_help_reads()
    {
        var root = Shipped.Root!;
        Assert.Equal(MamlWriter.Msh + "helpItems", root.Name);
        Assert.Equal("maml", root.Attribute("schema")?.Value);
        var commands = root.Elements(Command + "command").ToList();
        Assert.Equal(CmdletSurface.Cmdlets.Select(c => c.Name).Order(), commands.Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value).Order());
        foreach (var command in commands)
        {
            Assert.Equal(Maml.NamespaceName, command.Attribute(XNamespace.Xmlns + "maml")?.Value);
            Assert.Equal(Command.NamespaceName, command.Attribute(XNamespace.Xmlns + "command")?.Value);
            Assert.Equal(Dev.NamespaceName, command.Attribute(XNamespace.Xmlns + "dev")?.Value);
            foreach (var part in new[] { Command + "details", Maml + "description", Command + "syntax", Command + "parameters", Command + "examples" })
                Assert.NotNull(command.Element(part));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_a_synopsis_a_description_and_two_examples_with_code(string name)
    {
        var command = CommandOf(name);
        var details = command.Element(Command + "details")!;
        var cmdlet = Get(name);
        Assert.Equal(cmdlet.Verb, details.Element(Command + "verb")?.Value);
        Assert.Equal(cmdlet.Noun, details.Element(Command + "noun")?.Value);
        Assert.NotEmpty(Paras(details.Element(Maml + "description")));
        Assert.NotEmpty(Paras(command.Element(Maml + "description")));
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 2, $"{name} has {examples.Count} example(s)");
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Maml + "title")?.Value));
            Assert.Contains(name, e.Element(Dev + "code")?.Value ?? "");
        });
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_parameter_is_documented_with_its_type(string name)
    {
        var cmdlet = Get(name);
        var documented = CommandOf(name).Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        Assert.Equal(ExpectedParameters(cmdlet).Order(), documented.Select(NameOf).Order());
        foreach (var parameter in documented)
        {
            Assert.True(Paras(parameter.Element(Maml + "description")).Any(), $"{name} -{NameOf(parameter)} has no description");
            Assert.False(string.IsNullOrEmpty(parameter.Element(Dev + "type")?.Element(Maml + "name")?.Value));
        }
        foreach (var property in Parameters(cmdlet.Type))
        {
            var element = documented.Single(p => NameOf(p) == property.Name);
            var attributes = ParameterAttributes(property).ToList();
            var mandatoryEverywhere = attributes.All(a => Named(a, "Mandatory") is true);
            Assert.Equal(mandatoryEverywhere ? "true" : "false", element.Attribute("required")!.Value);
            var byName = attributes.Any(a => Named(a, "ValueFromPipelineByPropertyName") is true);
            Assert.Equal(byName, element.Attribute("pipelineInput")!.Value.Contains("ByPropertyName"));
            var aliases = Attrs(property, typeof(AliasAttribute)).SelectMany(a => a.ConstructorArguments)
                .SelectMany(a => (IEnumerable<System.Reflection.CustomAttributeTypedArgument>)a.Value!).Select(a => (string)a.Value!).ToList();
            Assert.Equal(aliases.Count == 0 ? "none" : string.Join(", ", aliases), element.Attribute("aliases")!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void There_is_one_syntax_item_per_parameter_set_holding_that_sets_parameters(string name)
    {
        var cmdlet = Get(name);
        var properties = Parameters(cmdlet.Type).ToList();
        var sets = properties.SelectMany(ParameterAttributes).Select(a => Named(a, "ParameterSetName") as string)
            .OfType<string>().Where(s => s != "__AllParameterSets").Distinct().ToList();
        // The default set is a set of its own even when no parameter names it (it then holds the shared parameters).
        if (sets.Count > 0 && cmdlet.Named("DefaultParameterSetName") is string named && !sets.Contains(named)) sets.Add(named);
        var added = ExpectedParameters(cmdlet).Except(properties.Select(p => p.Name)).ToList();
        List<string> Expected(string? set) => properties.Where(p => set is null || InSet(p, set)).Select(p => p.Name).Concat(added).Order().ToList();
        var expected = sets.Count == 0 ? [Expected(null)] : sets.Select(Expected).ToList();

        var items = CommandOf(name).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.All(items, i => Assert.Equal(name, i.Element(Maml + "name")?.Value));
        var shown = items.Select(i => i.Elements(Command + "parameter").Select(NameOf).Order().ToList()).ToList();
        Assert.Equal(expected.Count, shown.Count);
        Assert.All(expected, e => Assert.Contains(shown, s => s.SequenceEqual(e)));
        if (cmdlet.Named("DefaultParameterSetName") is string defaultSet && sets.Contains(defaultSet))
            Assert.Equal(Expected(defaultSet), shown[0]);
    }

    [Fact]
    public void Enum_and_validate_set_parameters_list_their_values_in_the_syntax()
    {
        var checkedAny = false;
        foreach (var cmdlet in CmdletSurface.Cmdlets)
        foreach (var property in Parameters(cmdlet.Type))
        {
            var type = CmdletReflector.ElementType(property.PropertyType);
            var validateSet = Attr(property, typeof(ValidateSetAttribute));
            if (!type.IsEnum && validateSet is null) continue;
            var values = type.IsEnum ? Enum.GetNames(type)
                : ((IEnumerable<System.Reflection.CustomAttributeTypedArgument>)validateSet!.ConstructorArguments[0].Value!).Select(a => (string)a.Value!).ToArray();
            foreach (var item in CommandOf(cmdlet.Name).Element(Command + "syntax")!.Elements(Command + "syntaxItem"))
            foreach (var parameter in item.Elements(Command + "parameter").Where(p => NameOf(p) == property.Name))
            {
                Assert.Equal(values, parameter.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
                checkedAny = true;
            }
        }
        Assert.True(checkedAny);
    }

    [Fact]
    public void The_about_topic_covers_connecting_paging_waiting_errors_and_automation()
    {
        var lines = File.ReadAllLines(Path.Combine(HelpDirectory, "about_PhraseTms.help.txt"));
        Assert.Equal("TOPIC", lines[0]);
        Assert.Equal("    about_PhraseTms", lines[1]);
        foreach (var heading in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION", "    Connect", "    Paging", "    Waiting", "    Errors", "    Automation", "    Any endpoint" })
            Assert.Contains(heading, lines);
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"longer than 80 columns: {l}"));
        var text = string.Join('\n', lines);
        Assert.Contains("Connect-PhraseTms -Token (Get-Secret PhraseTms)", text);
        Assert.Contains("-ErrorAction Stop", text);
        Assert.Contains("exit code", text);
        Assert.Contains("PhraseTms.ConnectorAsyncTask", text);
    }

    private static bool InSet(System.Reflection.PropertyInfo property, string set) =>
        ParameterAttributes(property).Any(a => Named(a, "ParameterSetName") as string is null or "__AllParameterSets" || (string?)Named(a, "ParameterSetName") == set);
}
