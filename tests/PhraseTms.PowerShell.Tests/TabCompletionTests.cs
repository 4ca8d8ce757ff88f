using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>Tab completion as PowerShell's TabExpansion2 (what the console calls on Tab) offers it.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class TabCompletionTests(EmulatorFixture fixture) : ModuleTest(fixture)
{
    private IReadOnlyList<string> Complete(string line) =>
        PowerShell.Run("param($Line) (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText",
            new System.Collections.Hashtable { ["Line"] = line }).Output.Select(o => o.ToString()).ToList();

    [Fact]
    public void TargetLang_completes_Phrase_language_codes_after_a_comma_too()
    {
        var german = Complete("New-JobFromConnectorTask -TargetLang de");
        Assert.Contains("de_de", german);
        Assert.All(german, code => Assert.StartsWith("de", code));
        Assert.Contains("pt_br", Complete("New-JobFromConnectorTask -TargetLang de, pt_"));
    }

    [Fact]
    public void Enum_parameters_complete_their_values()
    {
        Assert.Contains("DOWNLOAD", Complete("Get-ConnectorAsyncTask -TaskType DOWN"));
        Assert.Equal(["US"], Complete("Connect-PhraseTms -DataCenter U"));
    }
}
