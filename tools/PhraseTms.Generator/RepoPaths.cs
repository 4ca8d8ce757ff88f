namespace PhraseTms.Generator;

// Default paths are relative to the repository root: the nearest folder above that holds PhraseTms.sln.
internal static class RepoPaths
{
    public static string Root(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhraseTms.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PhraseTms.sln not found above the current folder: run from the repository");
    }

    public static string Description(string root) => Path.Combine(root, "api", "phrase-tms.api.json");
    public static string Supplement(string root) => Path.Combine(root, "api", "supplement.json");
    public static string NamingOverrides(string root) => Path.Combine(root, "api", "naming-overrides.json");
    public static string CommandMap(string root) => Path.Combine(root, "api", "command-map.json");
    public static string CommandsDoc(string root) => Path.Combine(root, "docs", "commands.md");
    public static string ModelNames(string root) => Path.Combine(root, "api", "model-names.json");
}
