using System.Text.RegularExpressions;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Module;

/// <summary>
/// out/PhraseTms for both editions: the PowerShell 7.4 build in the root as before, the Windows PowerShell 5.1 build in
/// desktop/ with every dependency it needs in desktop/Dependencies/ (read from the files, not loaded).
/// </summary>
public sealed class ModuleLayoutTests
{
    /// <summary>What .NET Framework itself (netstandard facade) or the PowerShell host provides; everything else ships.</summary>
    private static readonly HashSet<string> Provided = new(StringComparer.OrdinalIgnoreCase)
        { "netstandard", "mscorlib", "System.Management.Automation" };

    private static readonly string[] OwnAssemblies = ["PhraseTms.dll", "PhraseTms.Client.dll"];

    private static string[] Dlls(string directory) =>
        Directory.GetFiles(directory, "*.dll").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    private static AssemblyFile Desktop(string file) => AssemblyFile.Read(Path.Combine(Repo.DesktopOut, file));

    [Fact]
    public void The_root_holds_exactly_the_net8_build_as_before()
    {
        var expected = Dlls(Repo.ModuleBuild("net8.0")).Where(f => f != "System.Management.Automation.dll");
        Assert.Equal(expected, Dlls(Repo.ModuleOut));
        foreach (var own in OwnAssemblies)
            Assert.Equal(".NETCoreApp,Version=v8.0", AssemblyFile.Read(Path.Combine(Repo.ModuleOut, own)).TargetFramework);
    }

    [Fact]
    public void Desktop_holds_the_netstandard_build_of_both_assemblies_and_its_dependencies_apart()
    {
        Assert.Equal(OwnAssemblies.Order(StringComparer.Ordinal), Dlls(Repo.DesktopOut));
        foreach (var own in OwnAssemblies)
            Assert.Equal(".NETStandard,Version=v2.0", Desktop(own).TargetFramework);
        var expected = Dlls(Repo.ModuleBuild("netstandard2.0")).Except(OwnAssemblies).Where(f => f != "System.Management.Automation.dll");
        Assert.Equal(expected, Dlls(Repo.DependenciesOut));
        Assert.Empty(Directory.GetDirectories(Repo.DependenciesOut));
    }

    [Fact]
    public void Dependencies_cover_every_reference_of_the_desktop_assemblies_at_the_version_asked_or_newer()
    {
        var shipped = Dlls(Repo.DependenciesOut).Select(f => AssemblyFile.Read(Path.Combine(Repo.DependenciesOut, f)))
            .Concat(OwnAssemblies.Select(Desktop))
            .ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "PhraseTms" };
        var pending = new Queue<AssemblyFile>([shipped["PhraseTms"]]);
        var missing = new List<string>();
        while (pending.TryDequeue(out var assembly))
            foreach (var reference in assembly.References.Where(r => !Provided.Contains(r.Name)))
            {
                if (!shipped.TryGetValue(reference.Name, out var file))
                    missing.Add($"{assembly.Name} -> {reference.Name} {reference.Version}: not shipped");
                else if (file.Version < reference.Version)
                    missing.Add($"{assembly.Name} -> {reference.Name} {reference.Version}: only {file.Version} shipped");
                else if (reached.Add(file.Name))
                    pending.Enqueue(file);
            }
        Assert.Empty(missing);
        // Nothing shipped that no desktop assembly needs.
        Assert.Equal(shipped.Keys.Order(StringComparer.OrdinalIgnoreCase), reached.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_desktop_dependencies_are_the_versions_restsharp_needs_and_newtonsoft_json_stays_13_0_3()
    {
        var json = AssemblyFile.Read(Path.Combine(Repo.DependenciesOut, "System.Text.Json.dll"));
        Assert.Equal(new Version(10, 0, 0, 0), json.Version);
        Assert.Equal(new Version(10, 0, 0, 0), AssemblyFile.Read(Path.Combine(Repo.DependenciesOut, "Microsoft.Bcl.AsyncInterfaces.dll")).Version);
        var newtonsoft = Path.Combine(Repo.DependenciesOut, "Newtonsoft.Json.dll");
        Assert.Equal(new Version(13, 0, 0, 0), AssemblyFile.Read(newtonsoft).Version);
        Assert.StartsWith("13.0.3", System.Diagnostics.FileVersionInfo.GetVersionInfo(newtonsoft).FileVersion);
    }

    [Fact]
    public void The_desktop_module_installs_its_assembly_resolver_on_import_and_removes_it_with_the_module()
    {
        var module = Desktop("PhraseTms.dll");
        const string loader = "PhraseTms.Desktop.DesktopModuleInitializer";
        Assert.Contains((loader, "System.Management.Automation.IModuleAssemblyInitializer"), module.Interfaces);
        Assert.Contains((loader, "System.Management.Automation.IModuleAssemblyCleanup"), module.Interfaces);
        // The PowerShell 7.4 build has no resolver: PowerShell 7 loads the module's dependencies itself.
        var core = AssemblyFile.Read(Path.Combine(Repo.ModuleOut, "PhraseTms.dll"));
        Assert.DoesNotContain(core.Interfaces, i => i.Interface.StartsWith("System.Management.Automation.IModuleAssembly"));
    }

    [Fact]
    public void Both_builds_define_the_same_cmdlets()
    {
        var core = AssemblyFile.Read(Path.Combine(Repo.ModuleOut, "PhraseTms.dll")).Cmdlets.Order();
        Assert.Equal(core, Desktop("PhraseTms.dll").Cmdlets.Order());
        Assert.Equal(CmdletSurface.Cmdlets.Select(c => c.Name).Order(), core);
    }

    [Fact]
    public void The_root_module_imports_a_build_that_exists_for_each_edition_and_refuses_core_below_7_4()
    {
        var script = File.ReadAllText(Repo.RootModule);
        var imported = Regex.Matches(script, @"Join-Path \$PSScriptRoot '([^']+\.dll)'").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["PhraseTms.dll", @"desktop\PhraseTms.dll"], imported);
        foreach (var relative in imported)
            Assert.True(File.Exists(Path.Combine(Repo.ModuleOut, relative.Replace('\\', Path.DirectorySeparatorChar))), relative);
        Assert.Matches(@"\$PSEdition -eq 'Core'", script);
        Assert.Matches(@"\$version\.Minor -lt 4", script);
        Assert.Contains("Export-ModuleMember -Cmdlet", script);
    }
}
