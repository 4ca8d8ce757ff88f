using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>The built module as PowerShell imports it from out/PhraseTms.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ModuleImportTests(EmulatorFixture fixture) : ModuleTest(fixture)
{
    private static readonly string[] Cmdlets =
    [
        "Connect-PhraseTms", "Disconnect-PhraseTms", "Get-ConnectorAsyncTask", "Get-PhraseTmsAsyncRequest", "Get-PhraseTmsSession",
        "Get-TbLastBackgroundTask", "Get-TmLastBackgroundTask", "Invoke-PhraseTmsRequest", "New-JobFromConnectorTask", "Save-PhraseTmsJobTargetFile",
        "Wait-PhraseTmsAsyncRequest",
    ];

    // The generated cmdlets: what the command map names for the operations the build generates.
    private static readonly string[] Generated = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(Repo.Root, "api", "command-map.json")))["cmdlets"]!
        .Where(c => c["handWritten"]?.ToObject<bool>() != true).Select(c => (string)c["name"]!)
        .Where(n => File.ReadAllText(Repo.ModuleManifest).Contains($"'{n}'", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_module_exports_its_hand_written_cmdlets_and_the_generated_ones_with_approved_verbs()
    {
        var result = PowerShell.Run("""
            (Get-Command -Module PhraseTms | Sort-Object Name).Name
            @(Get-Command -Module PhraseTms | Where-Object Verb -notin (Get-Verb).Verb).Count
            """);
        Assert.True(Generated.Length > 250, $"{Generated.Length} generated cmdlets in the manifest");
        Assert.Equal([.. Cmdlets.Concat(Generated).Order(StringComparer.OrdinalIgnoreCase), "0"], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void The_cmdlets_and_the_client_are_loaded_from_out_PhraseTms()
    {
        var moduleDir = Path.GetDirectoryName(Repo.ModuleManifest)!;
        var result = PowerShell.Run("""
            (Get-Module PhraseTms).ModuleBase
            $assembly = (Get-Command Get-ConnectorAsyncTask).ImplementingType.Assembly
            $assembly.Location
            ($assembly.GetReferencedAssemblies() | Where-Object Name -eq 'PhraseTms.Client' | ForEach-Object { [System.Reflection.Assembly]::Load($_) }).Location
            """);
        Assert.Equal([moduleDir, Path.Combine(moduleDir, "PhraseTms.dll"), Path.Combine(moduleDir, "PhraseTms.Client.dll")],
            result.Output.Select(o => Path.GetFullPath(o.ToString())));
    }

    [Fact]
    public void Get_Help_finds_the_generated_help_of_each_cmdlet()
    {
        var result = PowerShell.Run("""
            Get-Command -Module PhraseTms | ForEach-Object {
                $help = Get-Help $_.Name
                '{0}|{1}|{2}' -f $_.Name, ($help.Synopsis -match "^$($_.Name)\b"), [bool]$help.Description
            }
            """);
        // PowerShell makes up a synopsis from the syntax when it finds no help (and then there is no description).
        Assert.Equal(Cmdlets.Concat(Generated).Select(c => $"{c}|False|True").Order(StringComparer.Ordinal), result.Output.Select(o => o.ToString()).Order(StringComparer.Ordinal));
    }
}
