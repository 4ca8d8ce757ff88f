using System.Text.RegularExpressions;

namespace PhraseTms.HelpGen;

/// <summary>The help of a module: MAML for its cmdlets, about topics, and every documentation problem found.</summary>
public sealed record HelpResult(
    IReadOnlyList<CommandHelp> Commands,
    string Maml,
    IReadOnlyDictionary<string, string> AboutTopics,
    IReadOnlyList<HelpProblem> Problems);

/// <summary>Builds the help of a set of cmdlets from a docs folder (docs/&lt;Verb-Noun&gt;.md, docs/about_*.md).</summary>
public static partial class HelpGenerator
{
    public const string MamlFileName = "PhraseTms.dll-Help.xml";

    /// <param name="generatedDocsDirectory">The pages the cmdlet generator wrote (obj/GeneratedDocs): used for a cmdlet
    /// without a hand-written page in <paramref name="docsDirectory"/> (a hand-written page wins).</param>
    public static HelpResult Generate(IEnumerable<Type> cmdletTypes, string docsDirectory, XmlDocComments xmlDocs, string? generatedDocsDirectory = null)
    {
        var problems = new List<HelpProblem>();
        var cmdlets = cmdletTypes.Select(CmdletReflector.Read).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var commands = new List<CommandHelp>();
        foreach (var cmdlet in cmdlets)
        {
            var path = Path.Combine(docsDirectory, cmdlet.Name + ".md");
            if (!File.Exists(path) && generatedDocsDirectory is not null && File.Exists(Path.Combine(generatedDocsDirectory, cmdlet.Name + ".md")))
                path = Path.Combine(generatedDocsDirectory, cmdlet.Name + ".md");
            var doc = File.Exists(path) ? CommandDocument.Load(path) : null;
            if (HelpBuilder.Build(cmdlet, doc, xmlDocs, path, problems) is { } help) commands.Add(help);
        }
        var pages = Directory.Exists(docsDirectory) ? Directory.GetFiles(docsDirectory, "*.md") : [];
        foreach (var page in pages.Where(p => CmdletPage().IsMatch(Path.GetFileName(p))))
            if (!cmdlets.Any(c => string.Equals(c.Name + ".md", Path.GetFileName(page), StringComparison.Ordinal)))
                problems.Add(new(page, 0, $"{Path.GetFileName(page)} documents a cmdlet the module does not have (rename or remove it)."));

        var about = pages.Where(p => Path.GetFileName(p).StartsWith("about_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p) + ".help.txt", p => AboutTopicWriter.Write(File.ReadAllText(p)));
        return new HelpResult(commands, MamlWriter.ToText(MamlWriter.Build(commands)), about, problems);
    }

    /// <summary>Writes the MAML and the about topics into a folder (out/PhraseTms/en-US).</summary>
    public static void WriteTo(HelpResult result, string outDirectory)
    {
        Directory.CreateDirectory(outDirectory);
        File.WriteAllText(Path.Combine(outDirectory, MamlFileName), result.Maml);
        foreach (var (name, text) in result.AboutTopics) File.WriteAllText(Path.Combine(outDirectory, name), text);
    }

    [GeneratedRegex(@"^[A-Z][a-z]+-[A-Za-z0-9]+\.md$")]
    private static partial Regex CmdletPage();
}
