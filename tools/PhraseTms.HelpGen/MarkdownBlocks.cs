using System.Text;
using System.Text.RegularExpressions;

namespace PhraseTms.HelpGen;

/// <summary>
/// The small part of Markdown the docs use: ATX headings cut a file into blocks, fenced code is kept verbatim,
/// paragraphs are separated by blank lines, and inline marks are reduced to plain text for the console.
/// </summary>
public static partial class MarkdownBlocks
{
    /// <summary>A heading and the text under it up to the next heading of any level.</summary>
    public sealed record Block(int Level, string Heading, string? Parent, string Body, int Line);

    public static IEnumerable<Block> Split(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        string? h2 = null;
        (int Level, string Heading, int Line)? current = null;
        var body = new StringBuilder();
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            var heading = inFence ? null : HeadingPattern().Match(line) is { Success: true } m ? m : null;
            if (heading is null)
            {
                if (current is not null) body.Append(line).Append('\n');
                continue;
            }
            if (current is { } c) yield return new Block(c.Level, c.Heading, c.Level <= 2 ? c.Heading : h2, body.ToString().Trim('\n'), c.Line);
            var level = heading.Groups[1].Length;
            var text = heading.Groups[2].Value.Trim();
            if (level == 2) h2 = text;
            current = (level, text, i + 1);
            body.Clear();
        }
        if (current is { } last) yield return new Block(last.Level, last.Heading, last.Level <= 2 ? last.Heading : h2, body.ToString().Trim('\n'), last.Line);
    }

    public enum Kind { Text, List, Code }

    /// <summary>A paragraph: running text (lines joined), a list (one item per line) or code (verbatim lines).</summary>
    public sealed record Paragraph(Kind Kind, string Text);

    /// <summary>
    /// Paragraphs of a text: blank lines separate them; lines of one paragraph are joined with spaces, except list items,
    /// indented and fenced code, which keep their lines. Inline marks (`code`, **bold**, [text](uri)) become plain text
    /// outside code.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string? text) => Parse(text).Select(p => p.Text).ToList();

    /// <summary>The paragraphs with their kind (see <see cref="Paragraphs"/>).</summary>
    public static IReadOnlyList<Paragraph> Parse(string? text)
    {
        var result = new List<Paragraph>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var current = new List<string>();
        var inFence = false;
        void Flush()
        {
            if (current.Count == 0) return;
            if (current[0].StartsWith("    ", StringComparison.Ordinal)) result.Add(new(Kind.Code, string.Join('\n', current)));
            else if (current.Any(IsListItem)) result.Add(new(Kind.List, string.Join('\n', current.Select(l => Plain(l.Trim())))));
            else result.Add(new(Kind.Text, string.Join(' ', current.Select(l => Plain(l.Trim())))));
            current.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (inFence) { result.Add(new(Kind.Code, string.Join('\n', current))); current.Clear(); }
                else Flush();
                inFence = !inFence;
                continue;
            }
            if (inFence) current.Add(line);
            else if (line.Trim().Length == 0) Flush();
            else current.Add(line.TrimEnd());
        }
        if (inFence) result.Add(new(Kind.Code, string.Join('\n', current)));
        else Flush();
        return result;
    }

    /// <summary>Inline Markdown reduced to plain text: `code` → code, **bold**/*em* → text, [text](uri) → text (uri).</summary>
    public static string Plain(string line)
    {
        line = LinkPattern().Replace(line, m => m.Groups[2].Value.Contains("://") ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
        line = BoldPattern().Replace(line, "$1");
        return line.Replace("`", "");
    }

    private static bool IsListItem(string line) => ListPattern().IsMatch(line);

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"^\s*([-*]|\d+\.)\s+")]
    private static partial Regex ListPattern();
}
