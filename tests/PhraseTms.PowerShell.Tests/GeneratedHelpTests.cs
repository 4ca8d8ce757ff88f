using System.Collections;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>Get-Help as a user reads it: every parameter the cmdlet really has is explained, and an example runs it.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class GeneratedHelpTests(EmulatorFixture fixture) : ModuleTest(fixture)
{
    private const string OwnParameters =
        "param($Name) (Get-Command $Name).Parameters.Keys | Where-Object { [System.Management.Automation.Cmdlet]::CommonParameters -notcontains $_ }";

    [Theory]
    [InlineData("Get-PhraseTmsProject")]
    [InlineData("New-PhraseTmsProject")]
    [InlineData("Remove-PhraseTmsProject")]
    [InlineData("Set-PhraseTmsJobStatus")]
    [InlineData("Get-PhraseTmsUser")]
    [InlineData("Get-PhraseTmsAnalysis")]
    public void Get_Help_Full_explains_every_parameter_and_shows_an_example_that_runs_the_cmdlet(string name)
    {
        var text = Assert.Single(PowerShell.Run("param($Name) Get-Help $Name -Full | Out-String -Width 250", new Hashtable { ["Name"] = name }).Output).ToString()!;
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        var parameters = PowerShell.Run(OwnParameters, new Hashtable { ["Name"] = name }).Output.Select(o => o.ToString()).ToList();
        Assert.NotEmpty(parameters);
        var section = lines.FindIndex(l => l == "PARAMETERS");
        Assert.True(section > 0, text);
        foreach (var parameter in parameters)
        {
            var at = lines.FindIndex(section, l => Regex.IsMatch(l, $@"^    -{parameter} (<|\[<)"));
            Assert.True(at > 0, $"{name}: Get-Help -Full has no entry for -{parameter}");
            var description = lines[at + 1].Trim();
            Assert.True(description.Length > 10 && !description.StartsWith("Required?", StringComparison.Ordinal),
                $"{name} -{parameter}: no description (next line: '{description}')");
        }
        var example = lines.FindIndex(l => Regex.IsMatch(l, @"-{5,} Example 1\b"));
        Assert.True(example > 0, $"{name}: no example in Get-Help -Full");
        Assert.Contains(lines.Skip(example + 1).TakeWhile(l => !l.Contains("Example 2") && l != "RELATED LINKS"), l => l.TrimStart().StartsWith(name, StringComparison.Ordinal) || l.Contains("| " + name));
    }

    [Fact]
    public void Every_parameter_of_every_exported_cmdlet_has_a_description_in_the_help_file()
    {
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10", command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        var help = XDocument.Load(Path.Combine(Repo.Root, "out", "PhraseTms", "en-US", "PhraseTms.dll-Help.xml")).Root!
            .Elements(command + "command")
            .ToDictionary(c => c.Element(command + "details")!.Element(command + "name")!.Value,
                c => c.Element(command + "parameters")?.Elements(command + "parameter")
                    .ToDictionary(p => p.Element(maml + "name")!.Value, p => p.Element(maml + "description")?.Value.Trim() ?? "", StringComparer.OrdinalIgnoreCase)
                    ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        // The parameters PowerShell binds (the cmdlet classes), not those the help file lists: a parameter the help forgot fails here.
        var actual = PowerShell.Run(
            "Get-Command -Module PhraseTms -CommandType Cmdlet | ForEach-Object { $c = $_.Name; $_.Parameters.Keys | " +
            "Where-Object { [System.Management.Automation.Cmdlet]::CommonParameters -notcontains $_ -and [System.Management.Automation.Cmdlet]::OptionalCommonParameters -notcontains $_ } | " +
            "ForEach-Object { \"$c $_\" } }").Output.Select(o => o.ToString()!.Split(' ')).ToList();
        var cmdlets = actual.Select(a => a[0]).Distinct().Count();
        Assert.True(cmdlets > 250, $"only {cmdlets} cmdlets with parameters");
        var missing = actual.Where(a => !help.TryGetValue(a[0], out var ps) || !ps.TryGetValue(a[1], out var d) || d.Length == 0)
            .Select(a => $"{a[0]} -{a[1]}").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {actual.Count} parameters have no description: {string.Join(", ", missing.Take(20))}");
    }
}
