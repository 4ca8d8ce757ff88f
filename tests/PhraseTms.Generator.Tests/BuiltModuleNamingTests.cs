using System.Text.RegularExpressions;
using System.Xml.Linq;
using PhraseTms.Generator.Cmdlets;
using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Tests;

// The naming rules held against the module the build laid out (out/PhraseTms): every cmdlet its manifest exports,
// hand-written and generated, and the help the build wrote for each.
public sealed class BuiltModuleNamingTests
{
    private static readonly string ModuleOut = Path.Combine(TestPaths.Root, "out", "PhraseTms");

    private static IReadOnlyList<string> Exported()
    {
        var manifest = File.ReadAllText(Path.Combine(ModuleOut, "PhraseTms.psd1"));
        var m = Regex.Match(manifest, @"^\s*CmdletsToExport\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(m.Success, "the built manifest has no CmdletsToExport list");
        return Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(x => x.Groups[1].Value).ToList();
    }

    [Fact]
    public void Every_exported_cmdlet_has_an_approved_verb_a_singular_noun_the_prefix_and_no_clash()
    {
        var exported = Exported();
        var plan = CmdletPlanner.FromRepository(TestPaths.Root);
        Assert.Equal(plan.Cmdlets.Select(c => c.Name).Concat(HandWrittenCmdlets.Names).Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.Equal(exported.Count, exported.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var name in exported)
        {
            var verb = name[..name.IndexOf('-')];
            var noun = name[(name.IndexOf('-') + 1)..];
            Assert.True(ApprovedVerbs.All.Contains(verb), $"{name}: {verb} is not an approved verb");
            Assert.False(BuiltinCommands.All.Contains(name), $"{name} shadows a command of PowerShell");
            var last = Regex.Matches(noun, "[A-Z][a-z0-9]*").Last().Value;
            Assert.True(!noun.EndsWith('s') || Singularizer.Unchanged.Contains(last), $"{name}: the noun is not singular");
            if (!HandWrittenCmdlets.Names.Contains(name)) Assert.StartsWith("PhraseTms", noun);
        }
    }

    [Fact]
    public void Every_exported_cmdlet_has_help_with_a_synopsis_a_description_and_an_example()
    {
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10", command = "http://schemas.microsoft.com/maml/dev/command/2004/10",
            dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        var help = XDocument.Load(Path.Combine(ModuleOut, "en-US", "PhraseTms.dll-Help.xml"));
        var commands = help.Root!.Elements(command + "command")
            .ToDictionary(c => c.Element(command + "details")!.Element(command + "name")!.Value);
        foreach (var name in Exported())
        {
            Assert.True(commands.TryGetValue(name, out var c), $"{name} has no help");
            var synopsis = c!.Element(command + "details")!.Element(maml + "description")?.Value.Trim();
            Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{name}: no synopsis");
            Assert.False(string.IsNullOrWhiteSpace(c.Element(maml + "description")?.Value), $"{name}: no description");
            var examples = c.Element(command + "examples")?.Elements(command + "example").ToList() ?? [];
            Assert.True(examples.Count > 0 && examples.All(e => e.Element(dev + "code")?.Value.Contains(name, StringComparison.Ordinal) == true),
                $"{name}: no example with code that runs it");
        }
    }

    [Fact]
    public void Every_parameter_in_the_help_syntax_is_described_with_its_type()
    {
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10", command = "http://schemas.microsoft.com/maml/dev/command/2004/10",
            dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        var help = XDocument.Load(Path.Combine(ModuleOut, "en-US", "PhraseTms.dll-Help.xml"));
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var c in help.Root!.Elements(command + "command"))
        {
            var name = c.Element(command + "details")!.Element(command + "name")!.Value;
            var described = (c.Element(command + "parameters")?.Elements(command + "parameter") ?? [])
                .ToDictionary(p => p.Element(maml + "name")!.Value, StringComparer.OrdinalIgnoreCase);
            var inSyntax = c.Descendants(command + "syntaxItem").Elements(command + "parameter").Select(p => p.Element(maml + "name")!.Value)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in inSyntax)
            {
                checkedCount++;
                if (!described.TryGetValue(parameter, out var p)) problems.Add($"{name} -{parameter}: in the syntax, not under parameters");
                else if (string.IsNullOrWhiteSpace(p.Element(maml + "description")?.Value)) problems.Add($"{name} -{parameter}: no description");
                else if (string.IsNullOrWhiteSpace(p.Element(dev + "type")?.Element(maml + "name")?.Value)) problems.Add($"{name} -{parameter}: no type");
            }
            foreach (var parameter in described.Keys.Except(inSyntax, StringComparer.OrdinalIgnoreCase))
                problems.Add($"{name} -{parameter}: described, but in no syntax");
        }
        Assert.True(checkedCount > 1000, $"only {checkedCount} parameters in the help's syntax");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
    }
}
