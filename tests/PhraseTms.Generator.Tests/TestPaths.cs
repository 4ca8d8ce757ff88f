using PhraseTms.Generator;

namespace PhraseTms.Generator.Tests;

internal static class TestPaths
{
    public static string Root { get; } = RepoPaths.Root(AppContext.BaseDirectory);
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    // The Swagger document the committed description was imported from. It is not part of the repository: a clone
    // has it only next to the project (../shared, as on the machine the description was made on) or where
    // PHRASETMS_API_DOCUMENT points.
    public static string? RealDocument()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("PHRASETMS_API_DOCUMENT"),
            Path.Combine(Root, "..", "shared", "phrase-api", "phrase-tms-swagger-2024-02.yaml"),
        };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
    }
}

// A test of the committed description against the real document; skipped, with the reason in the output, where the
// document is absent (a clean clone). Its trait lets CI select or exclude it: --filter Category=RealDocument.
internal sealed class RealDocumentFactAttribute : FactAttribute
{
    public RealDocumentFactAttribute()
    {
        if (TestPaths.RealDocument() is null)
            Skip = "the Phrase Swagger document is not on this machine (../shared/phrase-api/phrase-tms-swagger-2024-02.yaml " +
                   "or PHRASETMS_API_DOCUMENT): cannot check that api/phrase-tms.api.json regenerates byte-identically";
    }
}
