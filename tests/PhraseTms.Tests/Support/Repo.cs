namespace PhraseTms.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string ModuleOut => Path.Combine(Root, "out", "PhraseTms");

    public static string Manifest => Path.Combine(Root, "PhraseTms.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhraseTms.sln"))) return dir.FullName;
        throw new InvalidOperationException("PhraseTms.sln not found above " + AppContext.BaseDirectory);
    }
}
