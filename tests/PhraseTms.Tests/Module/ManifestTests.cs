using System.Text.RegularExpressions;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Module;

/// <summary>The manifest and the out/PhraseTms layout that Import-Module reads.</summary>
public sealed class ManifestTests
{
    private static readonly string Manifest = File.ReadAllText(Repo.Manifest);

    private static string Value(string key) =>
        Regex.Match(Manifest, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"{key} not found in PhraseTms.psd1");

    // The manifest the build lays out: the committed one plus the generated cmdlets in CmdletsToExport.
    private static readonly string Built = File.ReadAllText(Path.Combine(Repo.ModuleOut, "PhraseTms.psd1"));
    private const string GeneratedMarker = "    # Generated cmdlets, by tools/PhraseTms.Generator generate-cmdlets:";

    private static IReadOnlyList<string> List(string key, string? manifest = null)
    {
        var m = Regex.Match(manifest ?? Manifest, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(m.Success, $"{key} not found in PhraseTms.psd1");
        return Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(x => x.Groups[1].Value).ToList();
    }

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlets_of_the_assembly_without_wildcards()
    {
        // The committed manifest lists the hand-written cmdlets; the built one every cmdlet of the assembly.
        var committed = List("CmdletsToExport");
        Assert.DoesNotContain(committed, e => e.Contains('*'));
        Assert.Equal(CmdletSurface.Cmdlets.Where(c => !c.IsGenerated).Select(c => c.Name).Order(), committed.Order());
        var built = List("CmdletsToExport", Built);
        Assert.DoesNotContain(built, e => e.Contains('*'));
        Assert.True(CmdletSurface.Cmdlets.Count(c => c.IsGenerated) > 250);
        Assert.Equal(CmdletSurface.Cmdlets.Select(c => c.Name).Order(), built.Order());
        Assert.Equal(built.Count, built.Distinct().Count());
    }

    [Fact]
    public void The_manifest_serves_powershell_7_4_and_windows_powershell_5_1_through_the_root_module()
    {
        Assert.Equal("PhraseTms.psm1", Value("RootModule"));
        Assert.Equal("5.1", Value("PowerShellVersion"));
        Assert.Equal(["Desktop", "Core"], List("CompatiblePSEditions"));
        Assert.True(Guid.TryParse(Value("GUID"), out _));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Value("ModuleVersion"));
        Assert.Empty(List("FunctionsToExport"));
        Assert.Empty(List("AliasesToExport"));
        Assert.Contains("Tags", Manifest);
        Assert.Contains("ProjectUri", Manifest);
        Assert.Contains("ReleaseNotes", Manifest);
    }

    [Fact]
    public void The_module_version_is_the_assembly_version()
    {
        var version = typeof(PhraseTms.Infrastructure.PhraseTmsCmdlet).Assembly.GetName().Version!;
        Assert.Equal(Value("ModuleVersion"), version.ToString(3));
    }

    [Fact]
    public void Out_PhraseTms_holds_an_importable_module_and_never_the_powershell_stub()
    {
        var files = Directory.GetFiles(Repo.ModuleOut).Select(Path.GetFileName).ToHashSet();
        Assert.Contains("PhraseTms.psd1", files);
        Assert.Contains(Value("RootModule"), files);
        Assert.Contains("PhraseTms.dll", files);
        Assert.Contains("PhraseTms.Client.dll", files);
        Assert.Contains("RestSharp.dll", files);
        Assert.Contains("Newtonsoft.Json.dll", files);
        foreach (var format in List("FormatsToProcess")) Assert.Contains(format, files);
        Assert.Empty(Directory.GetFiles(Repo.ModuleOut, "System.Management.Automation.dll", SearchOption.AllDirectories));
        // The built manifest is the committed one with the generated cmdlets' lines added, nothing else changed.
        var lines = Built.Split('\n').ToList();
        var start = lines.IndexOf(GeneratedMarker);
        Assert.True(start > 0, "the built manifest has no generated cmdlets");
        var end = start + 1;
        while (end < lines.Count && Regex.IsMatch(lines[end], @"^        '[A-Z][a-z]+-PhraseTms[A-Za-z]+'$")) end++;
        lines.RemoveRange(start, end - start);
        Assert.Equal(File.ReadAllText(Repo.Manifest), string.Join('\n', lines));
        Assert.Equal(File.ReadAllText(Repo.RootModule), File.ReadAllText(Path.Combine(Repo.ModuleOut, "PhraseTms.psm1")));
    }

    [Fact]
    public void The_shipped_newtonsoft_json_is_the_one_powershell_7_4_loads()
    {
        var name = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(Repo.ModuleOut, "Newtonsoft.Json.dll"));
        Assert.Equal(new Version(13, 0, 0, 0), name.Version);
        var info = System.Diagnostics.FileVersionInfo.GetVersionInfo(Path.Combine(Repo.ModuleOut, "Newtonsoft.Json.dll"));
        Assert.StartsWith("13.0.3", info.FileVersion);
    }

    [Fact]
    public void FileList_is_exactly_what_the_build_lays_out_including_the_format_and_help_files()
    {
        var listed = List("FileList");
        var laidOut = Directory.GetFiles(Repo.ModuleOut, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.ModuleOut, f).Replace('\\', '/'))
            .Where(f => !Regex.IsMatch(f, @"^\d+\.\d+\.\d+/"))   // a package made by build.ps1 -Task Package
            .ToList();
        Assert.Equal(listed.Order(), laidOut.Order());
        foreach (var format in List("FormatsToProcess")) Assert.Contains(format, listed);
        // <binary module file>-Help.xml next to each build of the cmdlets, where Get-Help looks for it.
        Assert.Contains("en-US/PhraseTms.dll-Help.xml", listed);
        Assert.Contains("desktop/en-US/PhraseTms.dll-Help.xml", listed);
        Assert.Contains("en-US/about_PhraseTms.help.txt", listed);
        Assert.Equal(PhraseTms.HelpGen.HelpGenerator.MamlFileName, Path.GetFileName(CmdletSurface.Module.Location) + "-Help.xml");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.ModuleOut, "en-US", "PhraseTms.dll-Help.xml")),
            File.ReadAllBytes(Path.Combine(Repo.DesktopOut, "en-US", "PhraseTms.dll-Help.xml")));
    }

    [Fact]
    public void Version_rule_props_manifest_and_changelog_agree()
    {
        // The rule (README "Versions and releases"): Directory.Build.props <Version> = ModuleVersion = the version the
        // next package carries. CHANGELOG.md's first section is either "## [Unreleased]" (work in progress towards
        // ModuleVersion, which no released section may carry yet and which is above every released one) or
        // "## [ModuleVersion] - date" (released). ReleaseNotes starts with "ModuleVersion:" and points to CHANGELOG.md.
        var moduleVersion = Value("ModuleVersion");
        var props = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Build.props"));
        Assert.Equal(moduleVersion, Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value);

        var sections = Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, "CHANGELOG.md")), @"^## \[([^\]]+)\]", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sections);
        var released = sections.Where(s => s != "Unreleased").Select(Version.Parse).ToList();
        Assert.True(sections.Count(s => s == "Unreleased") <= 1 && (sections.IndexOf("Unreleased") is 0 or -1), "[Unreleased] is the first section, once");
        if (sections[0] == "Unreleased")
        {
            Assert.DoesNotContain(Version.Parse(moduleVersion), released);
            Assert.All(released, r => Assert.True(r < Version.Parse(moduleVersion), $"ModuleVersion {moduleVersion} must be above released {r}"));
        }
        else
        {
            Assert.Equal(moduleVersion, sections[0]);
        }

        var notes = Value("ReleaseNotes");
        Assert.StartsWith(moduleVersion + ":", notes);
        Assert.Contains("CHANGELOG.md", notes);
    }
}
