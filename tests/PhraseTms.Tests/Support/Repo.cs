namespace PhraseTms.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The importable module; PowerShell 7.4 (net8.0) build in its root.</summary>
    public static string ModuleOut => Path.Combine(Root, "out", "PhraseTms");

    /// <summary>The Windows PowerShell 5.1 (netstandard2.0) build of the module.</summary>
    public static string DesktopOut => Path.Combine(ModuleOut, "desktop");

    /// <summary>The desktop build's dependencies, loaded by its assembly resolver.</summary>
    public static string DependenciesOut => Path.Combine(DesktopOut, "Dependencies");

    public static string Manifest => Path.Combine(Root, "PhraseTms.psd1");

    public static string RootModule => Path.Combine(Root, "src", "PhraseTms", "PhraseTms.psm1");

    /// <summary>Debug or Release: the configuration these tests were built in.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The build output of the module project for one target framework.</summary>
    public static string ModuleBuild(string targetFramework) =>
        Path.Combine(Root, "src", "PhraseTms", "bin", Configuration, targetFramework);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhraseTms.sln"))) return dir.FullName;
        throw new InvalidOperationException("PhraseTms.sln not found above " + AppContext.BaseDirectory);
    }
}
