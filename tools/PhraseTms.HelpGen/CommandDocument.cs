namespace PhraseTms.HelpGen;

/// <summary>
/// The prose of one cmdlet's help, read from docs/&lt;Verb-Noun&gt;.md (layout in docs/README.md): H1 the cmdlet name;
/// H2 sections Synopsis, Description, Parameters (H3 "-Name" each), Examples (H3 title + a code fence + remarks),
/// Inputs / Outputs (H3 type name each, optional), Notes, Related links (optional).
/// </summary>
public sealed class CommandDocument
{
    public required string Path { get; init; }
    public string? Title { get; set; }
    public string? Synopsis { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, Section> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<Example> Examples { get; } = [];
    public Dictionary<string, string> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Notes { get; set; }
    public List<Link> Links { get; } = [];
    public List<string> UnknownSections { get; } = [];

    public sealed record Section(string Text, int Line);

    public sealed record Example(string Title, string? Code, string Remarks, int Line);

    public sealed record Link(string Text, string? Uri);

    public static CommandDocument Load(string path) => Parse(File.ReadAllText(path), path);

    public static CommandDocument Parse(string markdown, string path)
    {
        var doc = new CommandDocument { Path = path };
        foreach (var block in MarkdownBlocks.Split(markdown))
        {
            switch (block.Level, Key(block.Parent))
            {
                case (1, _): doc.Title = block.Heading; break;
                case (2, "synopsis"): doc.Synopsis = block.Body; break;
                case (2, "description"): doc.Description = block.Body; break;
                case (2, "notes"): doc.Notes = block.Body; break;
                case (2, "related links"): doc.Links.AddRange(ParseLinks(block.Body)); break;
                case (2, "parameters" or "examples" or "inputs" or "outputs"): break;
                case (3, "parameters"): doc.Parameters[block.Heading.TrimStart('-').Trim()] = new Section(block.Body, block.Line); break;
                case (3, "examples"): doc.Examples.Add(ParseExample(block)); break;
                case (3, "inputs"): doc.Inputs[block.Heading] = block.Body; break;
                case (3, "outputs"): doc.Outputs[block.Heading] = block.Body; break;
                default: doc.UnknownSections.Add($"line {block.Line}: {new string('#', block.Level)} {block.Heading}"); break;
            }
        }
        return doc;
    }

    private static string Key(string? heading) => (heading ?? "").Trim().ToLowerInvariant();

    private static Example ParseExample(MarkdownBlocks.Block block)
    {
        var lines = block.Body.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        var end = start < 0 ? -1 : Array.FindIndex(lines, start + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (start < 0 || end < 0) return new Example(block.Heading, null, block.Body, block.Line);
        var code = string.Join('\n', lines[(start + 1)..end]).TrimEnd();
        var remarks = string.Join('\n', lines[..start].Concat(lines[(end + 1)..])).Trim();
        return new Example(block.Heading, code.Length == 0 ? null : code, remarks, block.Line);
    }

    private static IEnumerable<Link> ParseLinks(string body)
    {
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim().TrimStart('-', '*').Trim();
            if (line.Length == 0) continue;
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)$");
            yield return m.Success
                ? new Link(m.Groups["text"].Value, m.Groups["uri"].Value is { Length: > 0 } u && u.Contains("://") ? u : null)
                : new Link(line, null);
        }
    }
}
