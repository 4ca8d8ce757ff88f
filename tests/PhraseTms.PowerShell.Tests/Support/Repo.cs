namespace PhraseTms.PowerShell.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The manifest of the module as the build laid it out (what a user imports).</summary>
    public static string ModuleManifest => Path.Combine(Root, "out", "PhraseTms", "PhraseTms.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhraseTms.sln"))) return dir.FullName;
        throw new InvalidOperationException("PhraseTms.sln not found above " + AppContext.BaseDirectory);
    }
}
