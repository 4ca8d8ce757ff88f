namespace PhraseTms.ContractStub.Tests;

internal static class TestPaths
{
    /// <summary>The committed description: the stub's tests run against the real thing, not a fixture.</summary>
    public static string Description { get; } = Path.Combine(Root(), "api", "phrase-tms.api.json");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhraseTms.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no PhraseTms.sln above " + AppContext.BaseDirectory);
    }
}
